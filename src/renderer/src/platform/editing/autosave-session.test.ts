import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Entry } from '../../../../shared/domain'
import { AutosaveSession } from './autosave-session'
import type { Draft } from './autosave-session'

class FakeApiError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message)
  }
}

function entry(draft: Draft, version: string): Entry {
  return { id: 'e1', clientId: 'c1', title: draft.title, created: '', updated: '', tags: [], fields: {}, excerpt: '', path: 'x.md', body: draft.body, version }
}

/** An editor stand-in and a core stand-in whose saves resolve when the test says so. */
function setup() {
  const screen: Draft = { title: 'T', body: 'B\n' }
  const calls: Array<Draft & { version: string; resolve: (e: Entry) => void; reject: (e: unknown) => void }> = []
  let reads = 0
  const session = new AutosaveSession({
    id: 'e1',
    version: 'v0',
    baseline: { ...screen },
    read: () => {
      reads++
      return { ...screen }
    },
    save: (input) =>
      new Promise<Entry>((resolve, reject) => {
        calls.push({ title: input.title, body: input.body, version: input.version, resolve, reject })
      })
  })
  return { screen, calls, session, reads: () => reads }
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('AutosaveSession', () => {
  it('writes nothing when nothing changed, and reads the editor only when the debounce fires', async () => {
    const { calls, session, reads } = setup()
    session.markDirty()
    session.markDirty()
    expect(reads()).toBe(0)
    expect(session.getState().kind).toBe('unsaved')
    await vi.advanceTimersByTimeAsync(600)
    expect(reads()).toBe(1)
    expect(calls).toHaveLength(0)
    expect(session.getState().kind).toBe('saved')
    expect(await session.flush()).toBe(true)
  })

  it('debounces, saves the latest text with the latest version, one save at a time', async () => {
    const { screen, calls, session } = setup()
    screen.body = 'one\n'
    session.markDirty()
    await vi.advanceTimersByTimeAsync(599)
    expect(calls).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(calls).toHaveLength(1)
    expect(session.getState().kind).toBe('saving')

    // Typing while the first save is in flight: no second save until it returns.
    screen.body = 'one two\n'
    session.markDirty()
    screen.body = 'one two three\n'
    session.markDirty()
    await vi.advanceTimersByTimeAsync(1000)
    expect(calls).toHaveLength(1)

    calls[0]?.resolve(entry({ title: 'T', body: 'one\n' }, 'v1'))
    await vi.advanceTimersByTimeAsync(600)
    expect(calls).toHaveLength(2)
    expect(calls[1]).toMatchObject({ body: 'one two three\n', version: 'v1' })
    calls[1]?.resolve(entry({ title: 'T', body: 'one two three\n' }, 'v2'))
    await vi.advanceTimersByTimeAsync(0)
    expect(session.getState().kind).toBe('saved')
    expect(session.currentVersion).toBe('v2')
  })

  it('flush saves at once and waits for the save', async () => {
    const { screen, calls, session } = setup()
    screen.title = 'New title'
    session.markDirty()
    const flushed = session.flush()
    await vi.advanceTimersByTimeAsync(0)
    expect(calls).toHaveLength(1)
    calls[0]?.resolve(entry(screen, 'v1'))
    expect(await flushed).toBe(true)
  })

  it('stops on a conflict until the person chooses, then overwrites with the new version', async () => {
    const { screen, calls, session } = setup()
    screen.body = 'mine\n'
    session.markDirty()
    await vi.advanceTimersByTimeAsync(600)
    calls[0]?.reject(new FakeApiError('conflict', 'changed by another program'))
    await vi.advanceTimersByTimeAsync(0)
    expect(session.getState().kind).toBe('conflict')
    session.markDirty()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(calls).toHaveLength(1)
    // Every word is in the copy the core kept, so leaving loses nothing.
    expect(await session.flush()).toBe(true)
    expect(calls).toHaveLength(1)

    const overwritten = session.overwrite('theirs-v')
    await vi.advanceTimersByTimeAsync(0)
    expect(calls[1]).toMatchObject({ body: 'mine\n', version: 'theirs-v' })
    calls[1]?.resolve(entry(screen, 'v9'))
    expect(await overwritten).toBe(true)
    expect(session.getState().kind).toBe('saved')
  })

  it('never saves again during a conflict (no stream of copies); edits made while the refused save was on its way are kept once', async () => {
    const { screen, calls, session } = setup()
    screen.body = 'mine\n'
    session.markDirty()
    await vi.advanceTimersByTimeAsync(600)
    screen.body = 'mine, and more\n'
    session.markDirty()
    calls[0]?.reject(new FakeApiError('conflict', 'kept beside it'))
    await vi.advanceTimersByTimeAsync(60_000)
    expect(calls).toHaveLength(1)

    const kept = session.flush()
    await vi.advanceTimersByTimeAsync(0)
    expect(calls[1]).toMatchObject({ body: 'mine, and more\n', version: 'v0' })
    calls[1]?.reject(new FakeApiError('conflict', 'kept beside it again'))
    expect(await kept).toBe(true)
    expect(session.getState().kind).toBe('conflict')
    await session.keepLatestAsCopy()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(calls).toHaveLength(2)
  })

  it('retries a failing disk every five seconds and keeps the text', async () => {
    const { screen, calls, session } = setup()
    screen.body = 'important\n'
    session.markDirty()
    await vi.advanceTimersByTimeAsync(600)
    calls[0]?.reject(new FakeApiError('disk-full', 'The disk is full.'))
    await vi.advanceTimersByTimeAsync(0)
    expect(session.getState()).toMatchObject({ kind: 'error', message: 'The disk is full.', retrying: true })
    await vi.advanceTimersByTimeAsync(4999)
    expect(calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(calls).toHaveLength(2)
    expect(calls[1]?.body).toBe('important\n')
    calls[1]?.resolve(entry(screen, 'v1'))
    await vi.advanceTimersByTimeAsync(0)
    expect(session.getState().kind).toBe('saved')
  })

  it('does not retry an error that will not go away by itself', async () => {
    const { screen, calls, session } = setup()
    screen.body = 'x\n'
    session.markDirty()
    await vi.advanceTimersByTimeAsync(600)
    calls[0]?.reject(new FakeApiError('broken-file', 'Rapport will not rewrite this file.'))
    await vi.advanceTimersByTimeAsync(20_000)
    expect(calls).toHaveLength(1)
    expect(session.getState()).toMatchObject({ kind: 'error', retrying: false })
  })
})

/** An editor whose Markdown is made elsewhere (a worker): each read answers when the test says so, with the text as it was when asked. */
function setupWithSlowReads() {
  const screen: Draft = { title: 'T', body: 'B\n' }
  const reads: Array<() => void> = []
  const saves: Array<Draft & { version: string; resolve: (e: Entry) => void }> = []
  const session = new AutosaveSession({
    id: 'e1',
    version: 'v0',
    baseline: { ...screen },
    read: () => {
      const asked = { ...screen }
      return new Promise<Draft>((resolve) => reads.push(() => resolve(asked)))
    },
    save: (input) => new Promise<Entry>((resolve) => saves.push({ title: input.title, body: input.body, version: input.version, resolve }))
  })
  return { screen, reads, saves, session }
}

describe('AutosaveSession with a read that answers later', () => {
  it('saves what was on screen when the read began; edits made while it was made are saved next, never two saves at once', async () => {
    const { screen, reads, saves, session } = setupWithSlowReads()
    screen.body = 'one\n'
    session.markDirty()
    await vi.advanceTimersByTimeAsync(600)
    expect(reads).toHaveLength(1)
    // Typing goes on while the Markdown is made: the session only notes it.
    screen.body = 'one two\n'
    session.markDirty()
    await vi.advanceTimersByTimeAsync(600)
    expect(reads).toHaveLength(1)
    reads[0]?.()
    await vi.advanceTimersByTimeAsync(0)
    expect(saves.map((s) => s.body)).toEqual(['one\n'])
    expect(session.getState().kind).toBe('saving')
    saves[0]?.resolve(entry(saves[0], 'v1'))
    await vi.advanceTimersByTimeAsync(600)
    expect(reads).toHaveLength(2)
    reads[1]?.()
    await vi.advanceTimersByTimeAsync(0)
    expect(saves.map((s) => [s.body, s.version])).toEqual([
      ['one\n', 'v0'],
      ['one two\n', 'v1']
    ])
    saves[1]?.resolve(entry(saves[1], 'v2'))
    await vi.advanceTimersByTimeAsync(0)
    expect(session.isClean()).toBe(true)
  })

  it('drops a read begun before another version was put on screen (a restore, a reload from disk)', async () => {
    const { screen, reads, saves, session } = setupWithSlowReads()
    screen.body = 'typed before the restore\n'
    session.markDirty()
    await vi.advanceTimersByTimeAsync(600)
    screen.body = 'restored\n'
    session.reset('v5', { ...screen })
    reads[0]?.()
    await vi.advanceTimersByTimeAsync(600)
    expect(saves).toHaveLength(0)
    expect(session.isClean()).toBe(true)
  })

  it('shows a failed read as a save problem and keeps the edit to save again', async () => {
    let fail = true
    const saves: Draft[] = []
    const session = new AutosaveSession({
      id: 'e1',
      version: 'v0',
      baseline: { title: 'T', body: 'B\n' },
      read: () => (fail ? Promise.reject(new Error('The text could not be turned into Markdown.')) : { title: 'T', body: 'B2\n' }),
      save: async (input) => {
        saves.push(input)
        return entry(input, 'v1')
      }
    })
    session.markDirty()
    await vi.advanceTimersByTimeAsync(600)
    expect(session.getState()).toEqual({ kind: 'error', message: 'The text could not be turned into Markdown.', retrying: false })
    fail = false
    expect(await session.flush()).toBe(true)
    expect(saves.map((s) => s.body)).toEqual(['B2\n'])
  })
})
