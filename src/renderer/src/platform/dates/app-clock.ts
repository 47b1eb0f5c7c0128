/**
 * "Now" for the renderer: the core's clock, not the window's. The core dates
 * snapshots, entries and due days by its clock (a fixed one in tests, one
 * shifted by faketime…); a relative time measured against a different clock
 * says "just now" of a moment twenty minutes old. The difference is read
 * once per vault and kept, so asking for now costs nothing.
 */
let offsetMs = 0

export const appNow = (): number => Date.now() + offsetMs

/** Sets the offset from the core clock's time as it answered at `receivedAt` (this window's clock). */
export function alignAppClock(coreNow: string, receivedAt = Date.now()): void {
  const core = new Date(coreNow).getTime()
  offsetMs = Number.isNaN(core) ? 0 : core - receivedAt
}
