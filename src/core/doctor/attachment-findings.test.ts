import { existsSync } from 'node:fs'
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openTestVault } from '../testing/open-vault'
import { runDoctor } from './doctor'

const FIXTURES = join(import.meta.dirname, '../attachments/fixtures')
const NOW = new Date('2026-12-31T23:30:00Z')

describe('doctor and attachments', () => {
  it('reports links to missing files and orphaned attachments; --fix moves orphans to the trash and keeps what history still uses', async () => {
    const { dir, call } = await openTestVault()
    const client = await call('clients:create', { name: 'Northwind' })
    const entry = await call('entries:create', {
      clientId: client.id,
      title: 'Workshop',
      body: '![board](../attachments/whiteboard.png)\n\n![gone](../attachments/gone.png)\n\n[secret](../../../../etc/passwd)\n'
    })
    const folder = join(dir, 'clients/northwind/attachments')
    await mkdir(folder, { recursive: true })
    await copyFile(join(FIXTURES, 'whiteboard.png'), join(folder, 'whiteboard.png'))
    await copyFile(join(FIXTURES, 'dot.gif'), join(folder, 'orphan.gif'))
    await copyFile(join(FIXTURES, 'sketch.webp'), join(folder, 'old-sketch.webp'))
    // An earlier version of the entry showed the sketch: it is not an orphan while that version is kept.
    await mkdir(join(dir, '.rapport/history', entry.id), { recursive: true })
    await writeFile(join(dir, '.rapport/history', entry.id, '20261101T100000000Z.md'), '---\nid: x\n---\n![s](../attachments/old-sketch.webp)\n')

    const report = await runDoctor(dir, { now: NOW })
    const about = report.findings.filter((f) => f.path.includes('attachments') || f.path === entry.path)
    expect(about).toEqual([
      {
        path: entry.path,
        reason:
          'it links "../attachments/gone.png", which is not in the vault (moved or deleted?); put the file back at clients/northwind/attachments/gone.png or remove the link'
      },
      { path: entry.path, reason: 'it links "../../../../etc/passwd", which is outside the vault or in Rapport\'s own folder, so it is never shown' },
      {
        path: 'clients/northwind/attachments/orphan.gif',
        reason: 'no entry links this attachment (nor any earlier version or trashed entry)',
        fix: 'move it to the trash'
      }
    ])

    const fixed = await runDoctor(dir, { now: NOW, fix: true })
    expect(fixed.fixed).toContainEqual({ path: 'clients/northwind/attachments/orphan.gif', action: 'moved it to the trash' })
    expect((await readdir(folder)).sort()).toEqual(['old-sketch.webp', 'whiteboard.png'])
    const trash = await call('trash:list', undefined)
    expect(trash).toContainEqual(expect.objectContaining({ kind: 'attachment', label: 'orphan.gif', originalPath: 'clients/northwind/attachments/orphan.gif' }))
    expect(existsSync(join(dir, 'clients/northwind/attachments/orphan.gif'))).toBe(false)
  })
})
