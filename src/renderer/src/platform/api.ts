import type { ApiError, Channel, EventName, Events, Input, Output } from '@shared/api'

/** A failed call into the core, carrying the core's error so the UI can show its message and branch on its code. */
export class ApiCallError extends Error {
  readonly code: ApiError['code']
  readonly path: string | undefined

  constructor(readonly error: ApiError) {
    super(error.message)
    this.name = 'ApiCallError'
    this.code = error.code
    this.path = error.path
  }
}

/** The channels that write the vault's text out unencrypted: each takes `plainConfirmed` and answers null when cancelled. */
const plainOutputChannels = [
  'export:run',
  'entries:export',
  'brief:save-pdf',
  'brief:export',
  'contacts:export',
  'attachments:open'
] as const satisfies readonly Channel[]
type PlainOutputChannel = (typeof plainOutputChannels)[number]
// Compile-time check of the promise above: a channel added to the list must take `plainConfirmed` and may answer null.
plainOutputChannels satisfies ReadonlyArray<
  { [C in PlainOutputChannel]: Input<C> extends { plainConfirmed?: boolean } ? (null extends Output<C> ? C : never) : never }[PlainOutputChannel]
>

function isPlainOutput(channel: Channel): channel is PlainOutputChannel {
  return (plainOutputChannels as readonly Channel[]).includes(channel)
}

/** Asks the person whether text may leave the encrypted vault in the clear (PlainExportConfirm registers it). */
type PlainConfirmer = (message: string) => Promise<boolean>
let confirmPlain: PlainConfirmer | null = null

export function setPlainConfirmer(confirmer: PlainConfirmer): () => void {
  confirmPlain = confirmer
  return () => {
    if (confirmPlain === confirmer) confirmPlain = null
  }
}

/**
 * Calls the core and unwraps the result: resolves with the value or throws an ApiCallError.
 * An export from an encrypted vault answers 'needs-confirmation' first: the person is asked
 * here, in one place, and the same call is made again with their yes — or, on no, it ends as
 * a cancelled export does (null).
 */
export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  let result
  try {
    result = await window.rapport.invoke(channel, input)
  } catch (error) {
    // The bridge itself failed (not the core): still surface it in plain words.
    throw new ApiCallError({ code: 'internal', message: `Rapport could not reach its core: ${errorMessage(error)}` })
  }
  if (!result.ok && result.error.code === 'needs-confirmation' && confirmPlain && isPlainOutput(channel)) {
    if (!(await confirmPlain(result.error.message))) return null as Output<C> // each plain-output channel answers null when cancelled
    return call(channel, { ...(input as Input<PlainOutputChannel>), plainConfirmed: true } as Input<C>)
  }
  if (!result.ok) throw new ApiCallError(result.error)
  return result.value
}

export function onEvent<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
  return window.rapport.on(event, listener)
}

/** The words to show a person for anything thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}

export function errorCode(error: unknown): ApiError['code'] | null {
  return error instanceof ApiCallError ? error.code : null
}
