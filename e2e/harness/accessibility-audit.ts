import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

/** The rules axe-core groups under WCAG 2.0/2.1/2.2 A and AA, plus its best practices. */
const STANDARDS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']

/** Impacts that fail the audit: what blocks or seriously hinders someone using a screen reader, the keyboard or low vision. */
const BLOCKING = new Set(['critical', 'serious'])

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number]

export interface AuditFinding {
  view: string
  theme: 'light' | 'dark'
  impact: string
  rule: string
  help: string
  targets: string[]
}

/** One violation as a person reads it: where, which rule, what is wrong, and the first element(s) it was seen on. */
function describe(finding: AuditFinding): string {
  const where = finding.targets.slice(0, 3).join(' | ') + (finding.targets.length > 3 ? ` (+${finding.targets.length - 3} more)` : '')
  return `[${finding.impact}] ${finding.view} (${finding.theme}) — ${finding.rule}: ${finding.help}\n    at ${where}`
}

function findings(view: string, theme: 'light' | 'dark', violations: Violation[]): AuditFinding[] {
  return violations.map((v) => ({
    view,
    theme,
    impact: v.impact ?? 'unknown',
    rule: v.id,
    help: v.help,
    targets: v.nodes.map((node) => node.target.join(' ') + (node.failureSummary ? ` — ${node.failureSummary.split('\n').slice(1).join(' ').trim()}` : ''))
  }))
}

/**
 * Runs axe-core on what the page shows now, in the light and the dark theme
 * (the app follows `prefers-color-scheme`), and returns every finding. The
 * page is left in the light theme. `include` narrows the audit to one part
 * (a dialog), since what lies behind a modal dialog is inert.
 */
export async function audit(page: Page, view: string, include?: string): Promise<AuditFinding[]> {
  const found: AuditFinding[] = []
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme })
    // Let the theme's colours and the view's entrance settle before contrast is measured: a dialog still fading in
    // (140 ms) showed its button blended with the page behind (#617cd1 for the primary blue, 3.95:1) in one CI run.
    await page.evaluate(async () => {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
      const ending = document.getAnimations().filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
      await Promise.all(ending.map((animation) => animation.finished.catch(() => undefined)))
    })
    let builder = new AxeBuilder({ page }).withTags(STANDARDS)
    if (include) builder = builder.include(include)
    const result = await builder.analyze()
    found.push(...findings(view, theme, result.violations))
    // Contrast axe could not measure (text over a pseudo-element, say): not failing, but listed for a person to look at.
    const unmeasured = result.incomplete.filter((check) => check.id === 'color-contrast')
    found.push(...findings(view, theme, unmeasured).map((finding) => ({ ...finding, impact: 'needs review' })))
  }
  await page.emulateMedia({ colorScheme: 'light' })
  return found
}

/** The findings that fail the audit, written out one per paragraph (empty when there are none). */
export function blocking(found: AuditFinding[]): string {
  return found
    .filter((f) => BLOCKING.has(f.impact))
    .map(describe)
    .join('\n')
}

/** The findings that do not fail the audit (moderate, minor, contrast axe could not measure), for the run's log. */
export function advisory(found: AuditFinding[]): string {
  return found
    .filter((f) => !BLOCKING.has(f.impact))
    .map(describe)
    .join('\n')
}
