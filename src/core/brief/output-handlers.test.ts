import { cp, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ShellPorts } from '../shell-ports'
import type { Clock } from '../relationship/viewpoint'
import { openTestVault } from '../testing/open-vault'
import { tempDir } from '../testing/temp-vault'

const NEW_CLIENT = 'c_01JNEWCL1ENT000000000000AB'
const clock: Clock = { now: () => new Date('2026-11-23T10:00:00Z'), timeZone: () => 'Europe/London' }

/** The new-client fixture, with brief output going through the given shell ports. */
async function openVault(shell: Partial<ShellPorts>) {
  const dir = await tempDir()
  await cp(join(import.meta.dirname, 'fixtures', 'new-client'), join(dir, 'clients', 'new-client'), { recursive: true })
  return openTestVault(dir, { shell, clock })
}

describe('taking the brief off the screen', () => {
  it('copies the brief’s Markdown through the shell’s clipboard', async () => {
    const copied: string[] = []
    const { call } = await openVault({ copyText: async (text) => void copied.push(text) })
    const { characters } = await call('brief:copy', { clientId: NEW_CLIENT })
    expect(copied).toEqual([
      '# Sam Okafor\n\nStage: First contact since 20 Nov · Client since 20 Nov\n\n_First contact:_ Nothing is owed yet. Earn a first meeting with a reason that is about them.\n\n_Prepared Mon, 23 Nov 2026 at 10:00 (Europe/London)._\n'
    ])
    expect(characters).toBe(copied[0]?.length)
  })

  it('writes the brief’s days in the language chosen in Settings', async () => {
    const copied: string[] = []
    const { call } = await openVault({ copyText: async (text) => void copied.push(text) })
    await call('settings:update', { locale: 'en-US' })
    await call('brief:copy', { clientId: NEW_CLIENT })
    expect(copied[0]).toContain('Stage: First contact since Nov 20 · Client since Nov 20')
    // The clock follows the language's habit until Settings chooses one.
    expect(copied[0]).toContain('_Prepared Mon, Nov 23, 2026 at 10:00 AM (Europe/London)._')
  })

  it('writes the time it was prepared with the clock chosen in Settings', async () => {
    const copied: string[] = []
    const { call } = await openVault({ copyText: async (text) => void copied.push(text) })
    await call('settings:update', { clock: '12-hour' })
    await call('brief:copy', { clientId: NEW_CLIENT })
    await call('settings:update', { locale: 'en-US', clock: '24-hour' })
    await call('brief:copy', { clientId: NEW_CLIENT })
    expect(copied[0]).toContain('_Prepared Mon, 23 Nov 2026 at 10:00 am (Europe/London)._')
    expect(copied[1]).toContain('_Prepared Mon, Nov 23, 2026 at 10:00 (Europe/London)._')
  })

  it('exports the Markdown where the person chose, suggesting a dated name; nothing when they cancel', async () => {
    const target = join(await tempDir(), 'brief.md')
    const prompts: string[] = []
    let answer: string | null = target
    const { call } = await openVault({ chooseSavePath: async ({ defaultName }) => (prompts.push(defaultName), answer) })
    expect(await call('brief:export', { clientId: NEW_CLIENT })).toEqual({ path: target })
    expect(prompts).toEqual(['sam-okafor-brief-2026-11-23.md'])
    expect(await readFile(target, 'utf8')).toMatch(/^# Sam Okafor\n/)
    answer = null
    expect(await call('brief:export', { clientId: NEW_CLIENT })).toBeNull()
  })

  it('saves the printed page as a PDF after the dialog closed, and says so plainly when the shell cannot print', async () => {
    const target = join(await tempDir(), 'brief.pdf')
    const order: string[] = []
    const { call } = await openVault({
      chooseSavePath: async ({ defaultName, extensions }) => (order.push(`ask ${defaultName} ${extensions.join()}`), target),
      printPageToPdf: async () => (order.push('print'), new TextEncoder().encode('%PDF-1.4 test'))
    })
    expect(await call('brief:save-pdf', { clientId: NEW_CLIENT })).toEqual({ path: target })
    expect(order).toEqual(['ask sam-okafor-brief-2026-11-23.pdf pdf', 'print'])
    expect(await readFile(target, 'utf8')).toBe('%PDF-1.4 test')

    const { call: noWindow } = await openVault({})
    await expect(noWindow('brief:save-pdf', { clientId: NEW_CLIENT })).rejects.toMatchObject({ code: 'invalid-input' })
    await expect(noWindow('brief:copy', { clientId: NEW_CLIENT })).rejects.toMatchObject({ code: 'invalid-input' })
  })
})
