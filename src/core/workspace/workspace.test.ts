import { readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openTestVault } from '../testing/open-vault'
import { workspacePath } from './workspace-file'

const nothing = { view: null, clientId: null, entryId: null, journalPaneWidth: null }

describe('workspace:get / workspace:update', () => {
  it('keeps where the person left off across a restart, in .rapport/workspace.json', async () => {
    const { dir, call } = await openTestVault()
    expect(await call('workspace:get', undefined)).toEqual(nothing)
    await call('workspace:update', { clientId: 'c_1', entryId: 'e_1', journalPaneWidth: 360 })
    await call('workspace:update', { view: 'today' })
    const again = await openTestVault(dir)
    expect(await again.call('workspace:get', undefined)).toEqual({ view: 'today', clientId: 'c_1', entryId: 'e_1', journalPaneWidth: 360 })
    expect(JSON.parse(await readFile(join(dir, workspacePath), 'utf8'))).toMatchObject({ format: 1, clientId: 'c_1' })
  })

  it('refuses widths outside the layout and fields it does not have', async () => {
    const { call } = await openTestVault()
    await expect(call('workspace:update', { journalPaneWidth: 20 })).rejects.toMatchObject({ code: 'invalid-input' })
    await expect(call('workspace:update', { journalPaneWidth: 300.5 })).rejects.toMatchObject({ code: 'invalid-input' })
    await expect(call('workspace:update', { theme: 'dark' } as never)).rejects.toMatchObject({ code: 'invalid-input' })
  })

  it('reads nonsense as nothing kept, keeps fields it does not know, and leaves a file that is not JSON alone', async () => {
    const { dir, call } = await openTestVault()
    const file = join(dir, workspacePath)
    await call('workspace:update', { clientId: 'c_1' })
    await writeFile(file, JSON.stringify({ format: 1, clientId: 42, entryId: 'e_2', journalPaneWidth: 99999, note: 'mine' }))
    expect(await call('workspace:get', undefined)).toEqual({ ...nothing, entryId: 'e_2' })
    await call('workspace:update', { journalPaneWidth: 280 })
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ note: 'mine', entryId: 'e_2', journalPaneWidth: 280 })

    await writeFile(file, '{ half a file')
    expect(await call('workspace:get', undefined)).toEqual(nothing)
    await call('workspace:update', { clientId: 'c_3' })
    expect(await readFile(file, 'utf8')).toBe('{ half a file')
  })

  it('does not write an unchanged value again', async () => {
    const { dir, call } = await openTestVault()
    await call('workspace:update', { clientId: 'c_1', entryId: null })
    const before = await stat(join(dir, workspacePath))
    await new Promise((resolve) => setTimeout(resolve, 20))
    await call('workspace:update', { clientId: 'c_1' })
    expect((await stat(join(dir, workspacePath))).mtimeMs).toBe(before.mtimeMs)
  })

  it('in a read-only vault, remembers for this session only and writes nothing', async () => {
    const { dir } = await openTestVault()
    await writeFile(join(dir, 'rapport.json'), JSON.stringify({ format: 99, createdAt: '2026-01-01T00:00:00Z', settings: {} }))
    const readOnly = await openTestVault(dir)
    expect((await readOnly.call('vault:info', undefined)).readOnly).toBe(true)
    await readOnly.call('workspace:update', { clientId: 'c_9' })
    expect(await readOnly.call('workspace:get', undefined)).toMatchObject({ clientId: 'c_9' })
    await expect(stat(join(dir, workspacePath))).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
