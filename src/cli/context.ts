import type { Channel, Input, Output } from '../shared/api'
import { createDispatch, createHandlers } from '../core/service'
import { Vault } from '../core/vault/vault'
import { RapportError } from '../core/errors'
import { checkoutResourcesDir } from '../core/resources'
import { CliError } from './output'
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
          openExternal: async () => undefined,
          flushed: () => undefined
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
