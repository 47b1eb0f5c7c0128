/**
 * The one contract between the renderer and the core.
 *
 * Every channel is declared here once: its name, the schema its input must
 * pass, and the type of its result. Main registers a handler for each name in
 * `channelNames`, preload exposes `invoke` for exactly these names, the e2e
 * harness forwards to the same handlers, and the core implements `Handlers`.
 * A channel that is not in `contract` does not exist.
 */
import { z } from 'zod'
import type { CommandId } from './commands'
import type { ClientSummary, Entry, EntrySummary, VaultInfo } from './domain'
import { displayName } from './domain'

/** A phantom marker for a channel's result type; it carries no runtime value. */
const returns = <T>(): T => undefined as T

const id = z.string().trim().min(1, 'An id is required.').max(200)
const clientRef = z.object({ id })
const entryTitle = z.string().max(300, 'A title can be at most 300 characters.')

export const contract = {
  'vault:info': { input: z.void(), output: returns<VaultInfo>() },

  'clients:list': { input: z.void(), output: returns<ClientSummary[]>() },
  'clients:create': { input: z.object({ name: displayName }), output: returns<ClientSummary>() },
  'clients:rename': { input: z.object({ id, name: displayName }), output: returns<ClientSummary>() },
  'clients:trash': { input: clientRef, output: returns<void>() },

  'entries:list': {
    input: z.object({ clientId: id.nullable() }),
    output: returns<EntrySummary[]>()
  },
  'entries:read': { input: z.object({ id }), output: returns<Entry>() },
  'entries:create': {
    input: z.object({
      clientId: id.nullable(),
      title: entryTitle.optional(),
      template: id.optional(),
      body: z.string().optional()
    }),
    output: returns<Entry>()
  },
  'entries:save': {
    input: z.object({
      id,
      title: entryTitle,
      body: z.string(),
      /** The `version` the editor started from; a different file on disk is a conflict, never overwritten. */
      version: z.string()
    }),
    output: returns<Entry>()
  },
  'entries:trash': { input: z.object({ id }), output: returns<void>() },
  /** Asks where to save (a native dialog in the app) and writes the entry as Markdown; null when cancelled. */
  'entries:export': { input: z.object({ id }), output: returns<{ path: string } | null>() },

  /** Opens an http(s) or mailto link in the user's browser or mail app. */
  'app:open-external': {
    input: z.object({
      url: z
        .string()
        .max(4096)
        .refine(isExternalUrlAllowed, 'Only http, https and mailto links can be opened.')
    }),
    output: returns<void>()
  },
  /** The renderer's answer to the `app:flush` event: every pending edit is on disk. */
  'app:flushed': { input: z.void(), output: returns<void>() }
} as const

export type Contract = typeof contract
export type Channel = keyof Contract
export type Input<C extends Channel> = z.input<Contract[C]['input']>
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>
export type Output<C extends Channel> = Contract[C]['output']

export const channelNames = Object.keys(contract) as Channel[]

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}

/** What the core implements: one async function per channel. */
export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<Output<C>> }

// ---------------------------------------------------------------------------
// Results and errors

export const errorCodes = [
  'invalid-input',
  'unknown-channel',
  'not-found',
  'conflict',
  'broken-file',
  'read-only',
  'disk-full',
  'permission-denied',
  'io',
  'internal'
] as const
export type ErrorCode = (typeof errorCodes)[number]

/** An error a person can read: `message` is shown to them as it is. */
export interface ApiError {
  code: ErrorCode
  message: string
  /** The vault-relative path the error is about, when there is one. */
  path?: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

// ---------------------------------------------------------------------------
// Events: pushed from main (or the harness) to the renderer

export interface Events {
  /** Files in the vault changed on disk (by Rapport or by another program). */
  'vault:changed': { paths: string[] }
  /** The window is closing: save every pending edit, then invoke `app:flushed`. */
  'app:flush': Record<string, never>
  /** A command chosen from the application menu. */
  'command:run': { id: CommandId }
}
export type EventName = keyof Events
export const eventNames: readonly EventName[] = ['vault:changed', 'app:flush', 'command:run']

// ---------------------------------------------------------------------------
// The API the renderer sees as `window.rapport`

export interface RapportApi {
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>>
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
}

/** The one rule for links that may leave the app. */
export function isExternalUrlAllowed(url: string): boolean {
  try {
    return ['http:', 'https:', 'mailto:'].includes(new URL(url).protocol)
  } catch {
    return false
  }
}
