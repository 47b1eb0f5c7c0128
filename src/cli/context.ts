import type { Channel, Events, Input, Output } from '../shared/api'
import { createDispatch } from '../core/service'
import { VaultSession } from '../core/session/vault-session'
import type { Vault } from '../core/vault/vault'
import type { VaultIndexes } from '../core/search/vault-indexes'
import type { Clock } from '../core/relationship/viewpoint'
import { RapportError } from '../core/errors'
import { checkoutResourcesDir } from '../core/resources'
import { vaultExists } from '../core/vault/vault-exists'
import { CliError, processIo } from './output'
import type { Io } from './output'

export interface CliContext {
  vaultRoot: string
  json: boolean
  io: Io
  /** The environment the command runs in ($EDITOR, $VISUAL, …). */
  env: NodeJS.ProcessEnv
  /** Opens the vault (once) and calls a channel of the contract, exactly as the app does. */
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>
  vault(): Promise<Vault>
  /** The open vault's search and backlinks indexes (the session's). */
  indexes(): Promise<VaultIndexes>
  /** Fails (exit 1) when there is no vault at `vaultRoot` and this command may not create one; opening the vault checks it too. */
  requireVault(): void
  /** Forgets the key of an encrypted vault; the command is done with it. */
  close(): Promise<void>
}

/** The variable a script can set instead of typing the passphrase of an encrypted vault. */
export const PASSPHRASE_VARIABLE = 'RAPPORT_PASSPHRASE'

export function createContext(
  vaultRoot: string,
  json: boolean,
  io: Io,
  env: NodeJS.ProcessEnv = {},
  options: { mayCreateVault?: boolean; clock?: Clock } = {}
): CliContext {
  let opened: Promise<{ session: VaultSession; vault: Vault; dispatch: ReturnType<typeof createDispatch> }> | null = null
  const requireVault = () => {
    if (!options.mayCreateVault && !vaultExists(vaultRoot)) throw new CliError(noVaultMessage(vaultRoot))
  }
  const open = () =>
    (opened ??= Promise.resolve()
      .then(requireVault)
      .then(() =>
        VaultSession.start(vaultRoot, {
          ...(options.clock ? { clock: options.clock } : {}),
          shell: {
            resourcesDir: checkoutResourcesDir,
            chooseSavePath: async () => {
              throw new RapportError('invalid-input', 'The command line has no dialogs; use "rapport export --out DIR".')
            },
            chooseFolder: async () => {
              throw new RapportError('invalid-input', 'The command line has no dialogs; say where with --out DIR, or give the paths to import.')
            },
            chooseFiles: async () => {
              throw new RapportError('invalid-input', 'The command line has no dialogs; give the paths to import.')
            },
            openExternal: async () => undefined,
            flushed: () => undefined,
            emit: (event, payload) => {
              if (event === 'transfer:progress') showProgress(io, payload as Events['transfer:progress'])
            }
          }
        })
      )
      .then(async (session) => {
        if (session.locked) await unlock(session, io, env)
        return { session, vault: session.vault, dispatch: createDispatch(session.handlers) }
      }))
  return {
    vaultRoot,
    json,
    io,
    requireVault,
    env,
    vault: async () => (await open()).vault,
    indexes: async () => (await open()).session.indexes,
    async close() {
      if (opened) (await opened.catch(() => null))?.session.close()
    },
    async call(channel, input) {
      const result = await (await open()).dispatch(channel, input)
      if (!result.ok) {
        const { path, message, code } = result.error
        throw new CliError(path && !message.includes(path) ? `${path}: ${message}` : message, 1, code)
      }
      return result.value as Output<typeof channel>
    }
  }
}

/** The one wording for a folder that is not a vault, with the command that makes it one. */
export function noVaultMessage(root: string): string {
  return `There is no Rapport vault at ${root}. Create one with: rapport init --vault ${shellQuoted(root)}`
}

/** A path as it can be pasted into a shell. */
const shellQuoted = (text: string): string => (/^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`)

/** An encrypted vault: the passphrase from RAPPORT_PASSPHRASE, else asked for at the terminal. Wrong: exit 1, nothing changed. */
async function unlock(session: VaultSession, io: Io, env: NodeJS.ProcessEnv): Promise<void> {
  const passphrase = env[PASSPHRASE_VARIABLE] ?? (await io.askSecret?.(`Passphrase for ${session.root}: `)) ?? null
  if (passphrase === null || passphrase === '')
    throw new CliError(`This vault is encrypted. Run rapport in a terminal to be asked for its passphrase, or set ${PASSPHRASE_VARIABLE}.`)
  try {
    await session.unlock(passphrase)
  } catch (error) {
    if (error instanceof RapportError) throw new CliError(error.message)
    throw error
  }
}

/**
 * One line on standard error, rewritten in place, while an export or import
 * runs — only when standard error is a terminal, so scripts and logs never see it (standard output stays clean either way).
 */
function showProgress(io: Io, { done, total, phase }: Events['transfer:progress']): void {
  if (io !== processIo || !process.stderr.isTTY) return
  const finished = total > 0 && done >= total
  const line = `${phase[0]?.toUpperCase()}${phase.slice(1)}… ${total > 0 ? `${done} of ${total}` : `${done} found`}`
  process.stderr.write(`\r\x1b[K${finished ? '' : line}`)
}
