import type { HandlersFor } from '../../shared/api'
import type { coachContract, TemplatePrompt } from '../../shared/contract/coach'
import { RapportError } from '../errors'
import { clientFolder, layout, toVaultPath } from '../fs/layout'
import type { Clock } from '../relationship/viewpoint'
import { systemClock, viewpointOf } from '../relationship/viewpoint'
import type { ShellPorts } from '../shell-ports'
import { TemplateStore } from '../templates/template-store'
import { placeholderContext } from '../templates/client-facts'
import { fillPlaceholders } from '../templates/placeholders'
import { promptsOf } from '../templates/prompts'
import type { Vault } from '../vault/vault'
import { clientCoach } from './client-coach'
import { loadGuidance } from './guidance'

/** The coach's channels: the profile's view of the relationship, and a template's prompts for the editor. */
export function coachHandlers(vault: Vault, shell: Pick<ShellPorts, 'resourcesDir'>, clock: Clock = systemClock): HandlersFor<typeof coachContract> {
  const templates = new TemplateStore(shell.resourcesDir, vault.root)
  return {
    'coach:client': async ({ clientId }) => {
      const record = vault.clients.get(clientId)
      if (!record.data) {
        const path = toVaultPath(clientFolder(record.slug), layout.clientFile)
        throw new RapportError('broken-file', `${path} cannot be read (${record.problem}), so Rapport cannot say how the relationship stands.`, path)
      }
      return clientCoach(vault, record.id, record.data, loadGuidance(shell.resourcesDir), viewpointOf(vault, clock))
    },
    'templates:prompts': async ({ entryId }) => {
      const entry = await vault.entries.read(entryId)
      if (!entry.template) return []
      // A template gone or broken since: the entry works as a plain one, without placeholders.
      const template = await templates.usable(entry.template).catch(() => null)
      if (!template) return []
      const client = entry.clientId === null ? null : (vault.clients.get(entry.clientId).data ?? null)
      const filled = fillPlaceholders(template.body, placeholderContext(client, new Date(entry.created))).text
      return promptsOf(filled) satisfies TemplatePrompt[]
    }
  }
}
