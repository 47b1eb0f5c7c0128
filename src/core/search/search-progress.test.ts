import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SearchProgress } from '../../shared/contract/search'
import { VaultSession } from '../session/vault-session'
import { testShell } from '../testing/open-vault'
import { tempDir } from '../testing/temp-vault'

describe('search:progress', () => {
  it('tells the window how far the first build has got, a few times, and then that it is ready (no polling needed)', async () => {
    const root = await tempDir()
    await mkdir(join(root, 'journal'), { recursive: true })
    for (let i = 0; i < 60; i++) {
      const id = `e_01PROGRESS${String(i).padStart(15, '0')}`
      await writeFile(join(root, 'journal', `${i}.md`), `---\nid: ${id}\ntitle: Note ${i}\ncreated: 2026-11-20T10:00:00.000Z\n---\n\nText ${i}.\n`)
    }
    const told: SearchProgress[] = []
    const session = await VaultSession.start(root, {
      shell: testShell({ emit: (event, payload) => event === 'search:progress' && told.push(payload as SearchProgress) })
    })
    try {
      await session.indexes.search.indexed()
      await expect.poll(() => told.at(-1)?.state).toBe('ready')
      const building = told.filter((p) => p.state === 'indexing')
      expect(building.length).toBeGreaterThan(1)
      // A few times per build, not once per entry.
      expect(building.length).toBeLessThanOrEqual(25)
      expect(building.map((p) => p.done)).toEqual([...building.map((p) => p.done)].sort((a, b) => a - b))
      expect(told.at(-1)).toEqual({ state: 'ready', done: building[0]?.total, total: building[0]?.total })
    } finally {
      session.close()
    }
  })
})
