/**
 * The one contract between the renderer and the core.
 *
 * Every channel is declared here once: its name, the schema its input must
 * pass, and the type of its result. Main registers a handler for each name in
 * `channelNames`, preload exposes `invoke` for exactly these names, the e2e
 * harness forwards to the same handlers, and the core implements `Handlers`.
 * A channel that is not in `contract` does not exist.
 */
import type { z } from 'zod'
import type { CommandId } from './commands'
import { appContract } from './contract/app'
import { attachmentsContract } from './contract/attachments'
import { briefContract } from './contract/brief'
import { briefOutputContract } from './contract/brief-output'
import { clientsContract } from './contract/clients'
import { coachContract } from './contract/coach'
import { contactsContract } from './contract/contacts'
import { dayOneContract } from './contract/day-one'
import { doctorContract } from './contract/doctor'
import { entriesContract } from './contract/entries'
import { peopleContract } from './contract/people'
import { relationshipContract } from './contract/relationship'
import { rhythmContract } from './contract/rhythm'
import { safetyContract } from './contract/safety'
import { searchContract, type SearchProgress } from './contract/search'
import { securityContract, type SecurityStatus } from './contract/security'
import { templatesContract } from './contract/templates'
import { transferContract, type TransferProgress } from './contract/transfer'
import { vaultContract, type VaultChanges } from './contract/vault'
import { workspaceContract } from './contract/workspace'

/** Each feature declares its channels in `contract/<feature>.ts`; this joins them. */
export const contract = {
  ...vaultContract,
  ...clientsContract,
  ...entriesContract,
  ...attachmentsContract,
  ...relationshipContract,
  ...rhythmContract,
  ...briefContract,
  ...briefOutputContract,
  ...safetyContract,
  ...templatesContract,
  ...searchContract,
  ...transferContract,
  ...dayOneContract,
  ...contactsContract,
  ...peopleContract,
  ...coachContract,
  ...doctorContract,
  ...securityContract,
  ...appContract,
  ...workspaceContract
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
/** The handlers of one feature's part of the contract. */
export type HandlersFor<Part> = Pick<Handlers, keyof Part & Channel>

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
  'internal',
  // Encryption at rest (src/core/crypto): a passphrase that does not unlock the vault,
  // a vault that is locked, and a sealed file or name that fails authentication.
  'wrong-passphrase',
  'locked',
  'cannot-decrypt',
  // Writing the vault's text out unencrypted (an export from an encrypted vault) needs the person's yes first.
  'needs-confirmation'
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

/** An event's payload type; the value exists only so the names below are written once. */
const payload = <T>(): T => undefined as T

/** Every event, by name: the one place its name is written (the types and `eventNames` are read from it). */
const events = {
  /** Another program changed the vault on disk: which entries, clients and parts of its structure (never Rapport's own writes). */
  'vault:changed': payload<VaultChanges>(),
  /** How far the search index has got while it is built (a few times per build, and once when it is ready). */
  'search:progress': payload<SearchProgress>(),
  /** The window is closing: save every pending edit, then invoke `app:flushed`. */
  'app:flush': payload<Record<string, never>>(),
  /** A command chosen from the application menu. */
  'command:run': payload<{ id: CommandId }>(),
  /** How far a long export or import has got (at most a few times a second). */
  'transfer:progress': payload<TransferProgress>(),
  /** The vault was locked (on demand or after inactivity), unlocked, or encrypted or decrypted. */
  'security:changed': payload<SecurityStatus>(),
  /** Open a client's tab (a desktop notification was clicked). */
  'client:open': payload<{ clientId: string; tab: 'brief' | 'profile' }>()
}
export type Events = typeof events
export type EventName = keyof Events
export const eventNames = Object.keys(events) as readonly EventName[]
/** Pushes one event to the renderer, its payload checked against its name (main's `send`, a shell's `emit`). */
export type SendEvent = <E extends EventName>(event: E, payload: Events[E]) => void

// ---------------------------------------------------------------------------
// The API the renderer sees as `window.rapport`

export interface RapportApi {
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>>
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
}

export { isExternalUrlAllowed } from './external-url'
