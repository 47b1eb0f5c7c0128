/**
 * The inactivity lock counts from the last time the person used the window.
 * Every key press would be too many calls across the bridge; one every
 * `intervalMs` is plenty for a lock measured in minutes.
 */
export function throttle(send: () => void, intervalMs: number, now: () => number = Date.now): () => void {
  let last = Number.NEGATIVE_INFINITY
  return () => {
    const at = now()
    if (at - last < intervalMs) return
    last = at
    send()
  }
}

export const ACTIVITY_INTERVAL_MS = 15_000
