import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { tempDir } from './temp-vault'

/**
 * A vault of one client, Dana, and `count` entries about the harbour; 200 or
 * more are enough for the search index to keep a cache (CACHE_FROM_SOURCES).
 */
export async function harbourVault(count: number): Promise<string> {
  const dir = await tempDir()
  const journal = join(dir, 'clients', 'dana', 'journal')
  await mkdir(journal, { recursive: true })
  await writeFile(join(dir, 'clients', 'dana', 'client.json'), JSON.stringify({ id: 'c_dana', name: 'Dana Whitfield', stage: 'engaged' }))
  for (let i = 0; i < count; i++) {
    await writeFile(
      join(journal, `2026-01-01-note-${i}.md`),
      `---\nid: e_${i}\ntitle: Note ${i}\ncreated: 2026-01-01T10:00:00.000Z\n---\n\nAbout the harbour, note ${i}.\n`
    )
  }
  return dir
}
