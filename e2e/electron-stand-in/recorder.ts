/**
 * What the shell asked of Electron, in order. Each call says whether the app
 * was ready at the time, because Electron allows some calls only before
 * `ready` (privileged schemes) and others only after (windows, sessions).
 */
export interface RecordedCall {
  /** `object.method`, as the shell wrote it: `protocol.registerSchemesAsPrivileged`, `webContents.send`. */
  api: string
  /** The arguments, made plain for the test (functions become '[function]', stand-in objects describe themselves). */
  args: unknown[]
  afterReady: boolean
}

const calls: RecordedCall[] = []
let ready = false

export function record(api: string, ...args: unknown[]): void {
  calls.push({ api, args, afterReady: ready })
}

export function markReady(): void {
  ready = true
  record('app.ready')
}

export function isReady(): boolean {
  return ready
}

export function recordedCalls(): unknown {
  return plain(calls)
}

/**
 * A value as it can cross to the test process: functions become '[function]',
 * and the stand-in's own objects (windows, menus, web contents) become what
 * their `toJSON` says, so no cycle and nothing callable leaves the child.
 */
export function plain(value: unknown): unknown {
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'function' ? '[function]' : v === undefined ? null : v))
  return text === undefined ? null : (JSON.parse(text) as unknown)
}
