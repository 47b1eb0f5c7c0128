import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { vaultDateLanguage } from './date-language'

describe('vaultDateLanguage', () => {
  it('reads the language chosen in rapport.json, and nothing else', async () => {
    const root = await mkdtemp(join(tmpdir(), 'rapport-lang-'))
    expect(vaultDateLanguage(root)).toBeNull()
    await writeFile(join(root, 'rapport.json'), JSON.stringify({ format: 1, settings: { locale: 'de-DE' } }))
    expect(vaultDateLanguage(root)).toBe('de-DE')
    await writeFile(join(root, 'rapport.json'), JSON.stringify({ format: 1, settings: { locale: '--no-sandbox' } }))
    expect(vaultDateLanguage(root)).toBeNull()
    await writeFile(join(root, 'rapport.json'), '{ broken')
    expect(vaultDateLanguage(root)).toBeNull()
  })
})
