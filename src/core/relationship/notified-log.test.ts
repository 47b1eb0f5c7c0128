import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../testing/temp-vault'
import { NotifiedLog, notifiedPath } from './notified-log'

describe('the record of notifications shown', () => {
  it('survives a restart and forgets what is older than 60 days', async () => {
    const root = await tempDir()
    const first = new NotifiedLog(root, () => true)
    await first.record(['old'], new Date('2026-09-01T09:00:00Z'))
    await first.record(['a', 'b'], new Date('2026-11-20T09:00:00Z'))
    expect([...(await new NotifiedLog(root, () => true).keys())].sort()).toEqual(['a', 'b'])
    const file = JSON.parse(await readFile(join(root, notifiedPath), 'utf8'))
    expect(file).toEqual({ format: 1, notified: { a: '2026-11-20T09:00:00.000Z', b: '2026-11-20T09:00:00.000Z' } })
  })

  it('keeps to memory in a read-only vault, and starts afresh from a broken file', async () => {
    const root = await tempDir()
    const readOnly = new NotifiedLog(root, () => false)
    await readOnly.record(['a'], new Date())
    expect([...(await readOnly.keys())]).toEqual(['a'])
    expect(existsSync(join(root, notifiedPath))).toBe(false)

    await mkdir(join(root, '.rapport'), { recursive: true })
    await writeFile(join(root, notifiedPath), '{ broken')
    const log = new NotifiedLog(root, () => true)
    expect([...(await log.keys())]).toEqual([])
    await log.record(['b'], new Date())
    expect([...(await log.keys())]).toEqual(['b'])
  })
})
