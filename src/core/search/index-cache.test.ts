import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SEARCH_LIBRARY } from './index-cache'

describe('the index cache', () => {
  it('names the search library that is installed, so an upgrade rebuilds the cache', async () => {
    const installed = JSON.parse(await readFile(join(import.meta.dirname, '../../../node_modules/minisearch/package.json'), 'utf8')) as { version: string }
    expect(SEARCH_LIBRARY).toBe(`minisearch@${installed.version}`)
  })
})
