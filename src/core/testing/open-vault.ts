import type { Channel, Input, Output } from '../../shared/api'
import { checkoutResourcesDir } from '../resources'
import { createDispatch, createHandlers } from '../service'
import type { ShellPorts } from '../service'
import type { Clock } from '../relationship/viewpoint'
import { VaultIndexes } from '../search/vault-indexes'
import { Vault } from '../vault/vault'
import { tempDir } from './temp-vault'

/** Shell ports for tests: no dialogs (Cancel), no browser; override what a test needs. */
export function testShell(overrides: Partial<ShellPorts> = {}): ShellPorts {
  return {
    resourcesDir: checkoutResourcesDir,
    chooseSavePath: async () => null,
    chooseFolder: async () => null,
    chooseFiles: async () => null,
    openExternal: async () => undefined,
    flushed: () => undefined,
    ...overrides
  }
}

export interface TestVaultOptions {
  shell?: Partial<ShellPorts>
  /** The "now" every channel judges by; the real clock unless given. */
  clock?: Clock
}

/**
 * A real vault in a folder (a new temp folder unless `root` is given), and a
 * `call` that goes through the contract — validation, handlers, typed errors —
 * exactly as the app does. A failed call throws an Error carrying `code` and `path`.
 */
export async function openTestVault(root?: string, options: TestVaultOptions = {}) {
  const dir = root ?? (await tempDir())
  const vault = await Vault.open(dir)
  const indexes = new VaultIndexes(vault)
  const dispatch = createDispatch(createHandlers(vault, testShell(options.shell), options.clock, indexes))
  async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
    const result = await dispatch(channel, input)
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
    return result.value as Output<C>
  }
  return { dir, vault, indexes, call, dispatch }
}
