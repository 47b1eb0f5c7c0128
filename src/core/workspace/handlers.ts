import type { HandlersFor } from '../../shared/api'
import type { workspaceContract } from '../../shared/contract/workspace'
import type { Vault } from '../vault/vault'
import { WorkspaceFile } from './workspace-file'

/** Where the person left off in this vault (`.rapport/workspace.json`). */
export function workspaceHandlers(vault: Vault): HandlersFor<typeof workspaceContract> {
  const file = new WorkspaceFile(vault.root, () => !vault.info().readOnly)
  return {
    'workspace:get': async () => file.read(),
    'workspace:update': async (patch) => file.update(patch)
  }
}
