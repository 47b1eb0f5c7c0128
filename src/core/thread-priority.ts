/**
 * A background thread (the search index's, an import's) gives way to the thread that answers the window.
 *
 * On a machine whose cores are all busy (two cores: this process's main
 * thread, the index's thread, and whatever else runs), the operating system
 * shares them out in slices of a few milliseconds, and the window's thread
 * can wait for one while the index's thread runs: the bench saw the event
 * loop wait 20–40 ms at moments the main thread itself had work for 8.
 * Lowering this thread's priority (nice 10) makes the scheduler hand the
 * core back to the main thread as soon as it has work; the index still
 * gets every moment nobody else wants.
 *
 * Linux applies a priority to a single thread (its thread id, from
 * /proc/thread-self); elsewhere `setPriority` would change the whole
 * process, so nothing is done there.
 */
import { readlinkSync } from 'node:fs'
import { getPriority, setPriority } from 'node:os'
import { isMainThread } from 'node:worker_threads'

/** How much lower than the process's: enough for the scheduler to prefer the main thread clearly (nice 10 weighs ~1/10). */
const LOWER_BY = 10

/** The calling thread's id on Linux, or null. */
export function linuxThreadId(): number | null {
  if (process.platform !== 'linux') return null
  try {
    const id = Number(readlinkSync('/proc/thread-self').split('/').pop())
    return Number.isInteger(id) && id > 0 ? id : null
  } catch {
    return null
  }
}

/** Lowers the calling worker thread's priority; returns whether it could. Never touches the main thread (it would lower the whole process's). */
export function yieldTheProcessor(): boolean {
  const thread = isMainThread ? null : linuxThreadId()
  if (thread === null || thread === process.pid) return false
  try {
    // A thread starts with its process's niceness; the index's goes LOWER_BY below it.
    setPriority(thread, Math.min(19, getPriority(thread) + LOWER_BY))
    return true
  } catch {
    return false
  }
}
