import { join } from 'node:path'
import { leftoverReason } from '../entries/id-claims'
import { unlink } from '../fs/vault-files'

/**
 * The file an interrupted rename of an entry left behind (see
 * entries/id-claims.ts), as doctor reports it. Removing it loses nothing: the
 * entry is `kept`, and doctor keeps a copy of the file before removing it.
 */
export function renameLeftoverFinding(root: string, path: string, kept: string): { path: string; reason: string; fix: string; repair: () => Promise<string> } {
  return {
    path,
    reason: leftoverReason(kept),
    fix: `remove it (the entry stays in ${kept})`,
    repair: async () => {
      await unlink(join(root, path))
      return `removed it; the entry is ${kept}`
    }
  }
}
