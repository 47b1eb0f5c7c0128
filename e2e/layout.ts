import type { Locator } from '@playwright/test'

/** Layout checks for the e2e specs: what a person would see as cut, jammed or overlapping. */

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox()
  if (!found) throw new Error(`${locator.toString()} is not shown`)
  return found
}

/** The vertical space between the bottom of `above` and the top of `below` (negative when they overlap). */
export async function verticalGap(above: Locator, below: Locator): Promise<number> {
  const [a, b] = await Promise.all([box(above), box(below)])
  return b.y - (a.y + a.height)
}

/** Whether the two boxes share any area. */
export async function overlap(a: Locator, b: Locator): Promise<boolean> {
  const [p, q] = await Promise.all([box(a), box(b)])
  return p.x < q.x + q.width - 0.5 && q.x < p.x + p.width - 0.5 && p.y < q.y + q.height - 0.5 && q.y < p.y + p.height - 0.5
}

/** Whether the element's text is wholly shown: nothing cut at its edge or hidden behind an ellipsis. */
export async function textWhole(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el.scrollWidth <= el.clientWidth + 0.5 && el.scrollHeight <= el.clientHeight + 0.5)
}
