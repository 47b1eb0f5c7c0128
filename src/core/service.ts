import type { ApiError, Channel, Handlers, HandlersFor, Result } from '../shared/api'
import type { appContract } from '../shared/contract/app'
import type { securityContract } from '../shared/contract/security'
import { contract, isChannel } from '../shared/api'
import { attachmentHandlers } from './attachments/handlers'
import { briefHandlers } from './brief/handlers'
import { briefOutputHandlers } from './brief/output-handlers'
import { clientHandlers } from './clients/handlers'
import { coachHandlers } from './coach/handlers'
import { contactsHandlers } from './contacts/handlers'
import { doctorHandlers } from './doctor/handlers'
import { entryHandlers } from './entries/handlers'
import { peopleHandlers } from './people/handlers'
import { relationshipHandlers } from './relationship/handlers'
import { safetyHandlers } from './safety/handlers'
import { searchHandlers } from './search/handlers'
import { VaultIndexes } from './search/vault-indexes'
import { templateHandlers } from './templates/handlers'
import { transferHandlers } from './transfer/handlers'
import { dayOneHandlers } from './transfer/day-one-handlers'
import { TransferJobs } from './transfer/transfer-jobs'
import { workspaceHandlers } from './workspace/handlers'
import { RapportError } from './errors'
import type { Clock } from './relationship/viewpoint'
import { systemClock } from './relationship/viewpoint'
import type { ShellPorts } from './shell-ports'
import type { Vault } from './vault/vault'

export type { ShellPorts } from './shell-ports'

/**
 * What answers while a vault opened in the background is still reading its
 * entries: enough to show the vault and its client list. Everything else
 * waits until the entries are read, so nothing answers from half a vault.
 */
const answersWhileReading: ReadonlySet<Channel> = new Set<Channel>([
  'vault:info',
  'clients:list',
  'app:open-external',
  'app:flushed',
  'app:now',
  'workspace:get',
  'workspace:update'
])

/** Every channel but the `security:*` ones, which belong to the session around the vault (session/vault-session.ts). */
export type VaultHandlers = Omit<Handlers, keyof typeof securityContract>

/**
 * The app's own channels, written once. They need no vault: the session
 * answers them itself, while the vault is locked too (session/vault-session.ts).
 */
export function appHandlers(shell: Pick<ShellPorts, 'openExternal' | 'flushed'>, clock: Clock): HandlersFor<typeof appContract> {
  return {
    'app:open-external': async ({ url }) => shell.openExternal(url),
    'app:flushed': async (outcome) => shell.flushed(outcome),
    // The page's "now" is the core's, so "20 minutes ago" is measured against the clock that stamped the moment.
    'app:now': async () => clock.now().toISOString()
  }
}

/**
 * The core's implementation of every channel of an open vault, joined from each feature's handlers.
 * `clock` is the one "now" every feature judges by (the real one in the app; tests pass a fixed one,
 * so a client created in a test is not a day newer than the test's "today"). `indexes` are the vault's
 * search and backlinks indexes, owned by whoever opened the vault (the session closes them with it).
 */
export function createHandlers(vault: Vault, shell: ShellPorts, clock: Clock = systemClock, indexes: VaultIndexes = new VaultIndexes(vault)): VaultHandlers {
  // One list of running exports and imports, so `transfer:cancel` stops a contacts import too.
  const jobs = new TransferJobs(shell)
  const handlers: VaultHandlers = {
    'vault:info': async () => vault.info(),
    ...clientHandlers(vault, clock),
    ...entryHandlers(vault, shell, clock),
    ...attachmentHandlers(vault, shell),
    ...relationshipHandlers(vault, clock),
    ...briefHandlers(vault, shell, clock),
    ...briefOutputHandlers(vault, shell, clock),
    ...safetyHandlers(vault),
    ...templateHandlers(vault, shell, clock),
    ...searchHandlers(indexes.search),
    ...transferHandlers(vault, shell, clock, jobs),
    ...dayOneHandlers(vault, shell),
    ...contactsHandlers(vault, shell, clock, jobs),
    ...peopleHandlers(vault, shell, indexes.backlinks, () => clock.now()),
    ...coachHandlers(vault, shell, clock),
    ...doctorHandlers(vault, clock),
    ...appHandlers(shell, clock),
    ...workspaceHandlers(vault)
  }
  for (const channel of Object.keys(handlers) as Array<keyof VaultHandlers>) {
    if (answersWhileReading.has(channel)) continue
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>
    ;(handlers as Record<keyof VaultHandlers, (input: unknown) => Promise<unknown>>)[channel] = async (input) => {
      if (vault.readingEntries) await vault.entriesRead
      return handler(input)
    }
  }
  return handlers
}

/**
 * The single way into the core from outside: checks the channel exists,
 * validates the input against the contract's schema, runs the handler, and
 * turns every failure into a typed error with a message for people.
 * Used by Electron's main process, the e2e harness and the CLI alike.
 */
export function createDispatch(handlers: Handlers | VaultHandlers): (channel: unknown, input: unknown) => Promise<Result<unknown>> {
  return async (channel, input) => {
    const handler = isChannel(channel) ? (handlers as Partial<Record<Channel, (input: unknown) => Promise<unknown>>>)[channel] : undefined
    if (!isChannel(channel) || !handler) {
      return failure({ code: 'unknown-channel', message: `Rapport has no operation called "${String(channel)}".` })
    }
    const parsed = contract[channel].input.safeParse(input)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue?.path.length ? ` (${issue.path.join('.')})` : ''
      return failure({ code: 'invalid-input', message: `${issue?.message ?? 'The input is not valid.'}${where}` })
    }
    try {
      return { ok: true, value: await handler(parsed.data) }
    } catch (error) {
      if (error instanceof RapportError) return failure(error.toApiError())
      console.error(`[rapport] ${channel} failed:`, error)
      return failure({ code: 'internal', message: `Something went wrong in Rapport: ${error instanceof Error ? error.message : String(error)}` })
    }
  }
}

const failure = (error: ApiError): Result<never> => ({ ok: false, error })
