import type { Channel, Events, Input, Output } from '../shared/api'
import { createDispatch, createHandlers } from '../core/service'
import { Vault } from '../core/vault/vault'
import { RapportError } from '../core/errors'
import { checkoutResourcesDir } from '../core/resources'
import { CliError, processIo } from './output'
import type { Io } from './output'

export interface CliContext {
  vaultRoot: string
  json: boolean
  io: Io
  /** Opens the vault (once) and calls a channel of the contract, exactly as the app does. */
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>
  vault(): Promise<Vault>
}

export function createContext(vaultRoot: string, json: boolean, io: Io): CliContext {
  let opened: Promise<{ vault: Vault; dispatch: ReturnType<typeof createDispatch> }> | null = null
  const open = () =>
    (opened ??= Vault.open(vaultRoot).then((vault) => ({
      vault,
      dispatch: createDispatch(
        createHandlers(vault, {
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
        })
      )
    })))
  return {
    vaultRoot,
    json,
    io,
    vault: async () => (await open()).vault,
    async call(channel, input) {
      const result = await (await open()).dispatch(channel, input)
      if (!result.ok) throw new CliError(result.error.path && !result.error.message.includes(result.error.path) ? `${result.error.path}: ${result.error.message}` : result.error.message)
      return result.value as Output<typeof channel>
    }
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
