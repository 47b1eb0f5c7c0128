import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openTestVault } from '../testing/open-vault'
import { fingerprint } from './transfer-testing'

const VAULT = join(import.meta.dirname, 'fixtures/obsidian-vault')
const IMAGES = join(import.meta.dirname, '../attachments/fixtures')

describe('importing an Obsidian vault', () => {
  it('turns wikilinks into mentions and entry links, copies what the notes embed, and reports what it would not copy', async () => {
    const before = await fingerprint(VAULT)
    const { call, vault, dir } = await openTestVault()
    const northwind = await call('clients:create', { name: 'Northwind' })
    const dana = await call('clients:create', { name: 'Dana Whitfield' })
    const { person: priya } = await call('people:add', { clientId: northwind.id, name: 'Priya Raman' })
    const report = await call('import:run', { paths: [VAULT], clientId: northwind.id, duplicates: 'skip' })
    expect(await fingerprint(VAULT)).toEqual(before)
    expect(report?.imported).toBe(3)

    const entries = vault.entries.list(northwind.id)
    const workshop = entries.find((e) => e.title === 'Workshop with Northwind')
    const scope = entries.find((e) => e.title === 'Scope call')
    expect(workshop).toMatchObject({ created: '2026-11-20', tags: ['workshop', 'pricing'] })
    expect(scope).toMatchObject({ created: '2026-11-22T10:30:00Z', tags: ['scope'] })
    const body = (await call('entries:read', { id: workshop?.id ?? '' })).body
    expect(body).toContain(`[Priya](rapport://person/${priya?.id}) drew the whole flow on the whiteboard; [Dana Whitfield](rapport://client/${dana.id}) agreed`)
    expect(body).toContain('![whiteboard](../attachments/whiteboard.png)')
    expect(body).toContain('![card](../attachments/business-card.jpg) [Proposal v2.pdf](../attachments/proposal-v2.pdf)')
    expect(body).toContain('![drawing](../attachments/drawing.svg)')
    expect(body).toContain(`Next: [the scope call](rapport://entry/${scope?.id}). Someone we have not met: [[Tom Baker]].`)
    expect(body).toContain('![[fake.png]]')
    expect(body).toContain('![[../../../../etc/passwd.png]] ![](/etc/hosts.png)')
    expect(body).toContain('`[[Priya Raman]]` stays code.')
    // An alias of a note names the note; an alias that is a person's name mentions the person.
    const scopeBody = (await call('entries:read', { id: scope?.id ?? '' })).body
    expect(scopeBody).toContain(`Back in [Northwind workshop](rapport://entry/${workshop?.id})`)
    expect(scopeBody).toContain(`- Send the revised scope to [Priya](rapport://person/${priya?.id})`)

    const kept = join(dir, 'clients/northwind/attachments')
    expect((await readdir(kept)).sort()).toEqual(['business-card.jpg', 'drawing.svg', 'proposal-v2.pdf', 'whiteboard.png'])
    expect(await readFile(join(kept, 'whiteboard.png'))).toEqual(await readFile(join(IMAGES, 'whiteboard.png')))
    const reasons = report?.problems.map((p) => p.reason) ?? []
    expect(reasons).toContain('"fake.png" was not attached: its name says it is a PNG image, but its contents are not an image. The link was left as written.')
    expect(reasons).toContain(
      'it links "../../../../etc/passwd.png", which is outside the folder you chose; it was not copied and the link was left as written'
    )
    // Nothing was written outside the vault's own folders.
    expect((await readdir(dir)).filter((n) => n === 'attachments')).toEqual([])
  })
})
