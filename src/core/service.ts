import { writeFile } from 'node:fs/promises'
import type { ApiError, Channel, Handlers, Input, Output, Result } from '../shared/api'
import { contract, isChannel } from '../shared/api'
import type { ClientSummary } from '../shared/domain'
import { RapportError, fileError } from './errors'
import type { ClientRecord } from './clients/client-store'
import type { Vault } from './vault/vault'
import { layout } from './vault/layout'

/**
 * What the core needs from the shell around it: native dialogs, the user's
 * browser. Electron's main process provides these; the e2e harness and the
 * tests provide their own. The core never imports Electron.
 */
export interface ShellPorts {
  /** Asks the user where to save a file; null when they cancel. */
  chooseSavePath(options: { title: string; defaultName: string; extensions: string[] }): Promise<string | null>
  openExternal(url: string): Promise<void>
  /** The renderer has saved every pending edit (answer to the `app:flush` event). */
  flushed(): void
}

/** The core's implementation of every channel in the contract. */
export function createHandlers(vault: Vault, shell: ShellPorts): Handlers {
  const summary = (record: ClientRecord): ClientSummary => {
    const { count, last } = vault.entries.countFor(record.id)
    const result: ClientSummary = {
      id: record.id,
      name: record.data?.name ?? record.slug,
      entryCount: count,
      path: `${layout.clientsDir}/${record.slug}`
    }
    if (record.data?.organisation) result.organisation = record.data.organisation
    if (record.data?.stage) result.stage = record.data.stage.current
    if (last) result.lastEntryAt = last
    if (record.problem) result.problem = record.problem
    return result
  }

  return {
    'vault:info': async () => vault.info(),

    'clients:list': async () =>
      vault.clients
        .list()
        .map(summary)
        .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true })),
    'clients:create': async ({ name }) => {
      vault.assertWritable()
      return summary(await vault.clients.create(name))
    },
    'clients:rename': async ({ id, name }) => {
      vault.assertWritable()
      const { record, from, to } = await vault.clients.rename(id, name)
      vault.entries.moveFolder(from, to)
      return summary(record)
    },
    'clients:trash': async ({ id }) => {
      vault.assertWritable()
      await vault.clients.trash(id)
      vault.entries.forgetClient(id)
    },

    'entries:list': async ({ clientId }) => vault.entries.list(clientId),
    'entries:read': async ({ id }) => vault.entries.read(id),
    'entries:create': async ({ clientId, title, template, body }) => {
      vault.assertWritable()
      const folder = clientId === null ? layout.journalDir : vault.clients.journalOf(clientId)
      return vault.entries.create({ clientId, folder, ...optional({ title, template, body }) })
    },
    'entries:save': async (input) => {
      vault.assertWritable()
      return vault.entries.save(input)
    },
    'entries:trash': async ({ id }) => {
      vault.assertWritable()
      await vault.entries.trash(id)
    },
    'entries:export': async ({ id }) => {
      const text = await vault.entries.text(id)
      const path = await shell.chooseSavePath({
        title: 'Export entry to Markdown',
        defaultName: vault.entries.fileNameOf(id),
        extensions: ['md']
      })
      if (!path) return null
      try {
        await writeFile(path, text)
      } catch (error) {
        throw fileError(error, 'export to', path)
      }
      return { path }
    },

    'app:open-external': async ({ url }) => shell.openExternal(url),
    'app:flushed': async () => shell.flushed()
  }
}

/** Drops keys whose value is undefined, for `exactOptionalPropertyTypes`-style calls. */
function optional<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>
}

export type Dispatch = <C extends Channel>(channel: C, input: Input<C>) => Promise<Result<Output<C>>>

/**
 * The single way into the core from outside: checks the channel exists,
 * validates the input against the contract's schema, runs the handler, and
 * turns every failure into a typed error with a message for people.
 * Used by Electron's main process, the e2e harness and the tests alike.
 */
export function createDispatch(handlers: Handlers): (channel: unknown, input: unknown) => Promise<Result<unknown>> {
  return async (channel, input) => {
    if (!isChannel(channel)) {
      return failure({ code: 'unknown-channel', message: `Rapport has no operation called "${String(channel)}".` })
    }
    const parsed = contract[channel].input.safeParse(input)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue?.path.length ? ` (${issue.path.join('.')})` : ''
      return failure({ code: 'invalid-input', message: `${issue?.message ?? 'The input is not valid.'}${where}` })
    }
    try {
      const handler = handlers[channel] as (input: unknown) => Promise<unknown>
      return { ok: true, value: await handler(parsed.data) }
    } catch (error) {
      if (error instanceof RapportError) return failure(error.toApiError())
      console.error(`[rapport] ${channel} failed:`, error)
      return failure({ code: 'internal', message: `Something went wrong in Rapport: ${(error as Error)?.message ?? String(error)}` })
    }
  }
}

const failure = (error: ApiError): Result<never> => ({ ok: false, error })
