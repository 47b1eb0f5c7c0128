import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { test as base, expect } from '@playwright/test'
import { RapportHarness } from './harness/harness'

export const SCREENSHOTS = join(import.meta.dirname, 'screenshots')

/** Every test gets Rapport on a fresh temporary vault, driven through the real core. */
export const test = base.extend<{ app: RapportHarness }>({
  app: async ({ browser }, use) => {
    const app = await RapportHarness.launch(browser)
    await app.open()
    await use(app)
    await app.close()
  }
})

export async function screenshot(app: RapportHarness, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true })
  // Finished transitions: a dialog caught halfway through fading in would show as half there.
  await app.page.screenshot({ path: join(SCREENSHOTS, name), animations: 'disabled' })
}

export { expect }
