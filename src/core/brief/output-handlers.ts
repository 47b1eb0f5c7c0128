import { writeFile } from 'node:fs/promises'
import type { HandlersFor } from '../../shared/api'
import type { briefOutputContract } from '../../shared/contract/brief-output'
import { RapportError, fileError } from '../errors'
import type { Clock } from '../relationship/viewpoint'
import { systemClock } from '../relationship/viewpoint'
import type { ShellPorts } from '../shell-ports'
import type { Vault } from '../vault/vault'
import { briefFileNameOf, briefHandlers } from './handlers'
import { confirmPlainOutput } from '../security/plain-output'

type OutputShell = Pick<ShellPorts, 'resourcesDir' | 'chooseSavePath' | 'printPageToPdf' | 'copyText'>

async function writeChosen(path: string, data: string | Uint8Array): Promise<{ path: string }> {
  try {
    await writeFile(path, data)
  } catch (error) {
    throw fileError(error, 'save', path)
  }
  return { path }
}

/**
 * Save as PDF, copy and export for the prep brief. The Markdown is the one
 * `brief:markdown` gives (so the CLI, the clipboard and the file agree); the
 * PDF is the shell's print of the page on screen, so it looks as the person
 * saw it under the app's print styles.
 */
export function briefOutputHandlers(vault: Vault, shell: OutputShell, clock: Clock = systemClock): HandlersFor<typeof briefOutputContract> {
  const markdownOf = briefHandlers(vault, shell, clock)['brief:markdown']
  return {
    'brief:save-pdf': async ({ clientId, plainConfirmed }) => {
      confirmPlainOutput(vault, plainConfirmed, 'the brief saved as PDF')
      const print = shell.printPageToPdf
      if (!print) throw new RapportError('invalid-input', 'Saving as PDF needs the app window; this shell cannot print.')
      const fileName = briefFileNameOf(vault, clientId, clock)
      const path = await shell.chooseSavePath({ title: 'Save brief as PDF', defaultName: fileName.replace(/\.md$/, '.pdf'), extensions: ['pdf'] })
      if (!path) return null
      // Printed after the dialog closed, so the page printed is the brief, not the dialog over it.
      return writeChosen(path, await print())
    },
    'brief:copy': async ({ clientId }) => {
      const copy = shell.copyText
      if (!copy) throw new RapportError('invalid-input', 'This shell has no clipboard.')
      const { markdown } = await markdownOf({ clientId })
      await copy(markdown)
      return { characters: markdown.length }
    },
    'brief:export': async ({ clientId, plainConfirmed }) => {
      confirmPlainOutput(vault, plainConfirmed, 'the exported brief')
      const { markdown, fileName } = await markdownOf({ clientId })
      const path = await shell.chooseSavePath({ title: 'Export brief as Markdown', defaultName: fileName, extensions: ['md'] })
      return path ? writeChosen(path, markdown) : null
    }
  }
}
