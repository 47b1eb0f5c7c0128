import type { HandlersFor } from '../../shared/api'
import type { dayOneContract } from '../../shared/contract/day-one'
import type { ShellPorts } from '../shell-ports'
import type { Vault } from '../vault/vault'
import { importDayOne, previewDayOne } from './day-one'

export function dayOneHandlers(vault: Vault, shell: ShellPorts): HandlersFor<typeof dayOneContract> {
  return {
    'import:day-one-preview': async ({ path }) => {
      const chosen = path ?? (await shell.chooseFiles({ title: 'Import a Day One export', buttonLabel: 'Import', extensions: ['zip'] }))?.[0]
      return chosen ? previewDayOne(vault, chosen) : null
    },
    'import:day-one-run': async ({ path, journals }) => importDayOne(vault, path, journals)
  }
}
