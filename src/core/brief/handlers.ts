import type { HandlersFor } from '../../shared/api'
import type { Brief, briefContract } from '../../shared/contract/brief'
import { loadGuidance } from '../coach/guidance'
import { safeSlug } from '../fs/safe-name'
import type { Clock } from '../relationship/viewpoint'
import { systemClock, viewpointOf } from '../relationship/viewpoint'
import type { ShellPorts } from '../shell-ports'
import type { Vault } from '../vault/vault'
import { assembleBrief, briefSubject } from './assemble-brief'
import { briefToMarkdown } from './brief-markdown'
import { TemplateStore } from '../templates/template-store'

/** `dana-whitfield-brief-2026-11-23.md`: whose brief, and from which day, in a name safe on every disk. */
export const briefFileName = (brief: { name: string; asOf: { day: string } }): string => `${safeSlug(brief.name, 'client')}-brief-${brief.asOf.day}.md`

/** The name a saved brief gets, without assembling the brief: saving a PDF needs no more. */
export function briefFileNameOf(vault: Vault, clientId: string, clock: Clock = systemClock): string {
  const { now, settings } = viewpointOf(vault, clock)
  return briefFileName(briefSubject(vault, clientId, { now, timeZone: settings.timeZone }))
}

/**
 * The prep brief's channels. `clock` gives "now" and the computer's zone
 * (used when the user has chosen none); tests pass a fixed one.
 */
export function briefHandlers(vault: Vault, shell: Pick<ShellPorts, 'resourcesDir'>, clock: Clock = systemClock): HandlersFor<typeof briefContract> {
  const templates = new TemplateStore(shell.resourcesDir, vault.root)
  const brief = (clientId: string): Promise<Brief> => {
    const { now, settings, dates } = viewpointOf(vault, clock)
    const guidance = settings.coaching ? loadGuidance(shell.resourcesDir) : undefined
    return assembleBrief(vault, clientId, {
      now,
      timeZone: settings.timeZone,
      ...(dates ? { dates } : {}),
      remindDaysBefore: settings.remindDaysBefore,
      templates,
      ...(guidance ? { guidance } : {})
    })
  }
  return {
    'brief:get': async ({ clientId }) => brief(clientId),
    'brief:markdown': async ({ clientId }) => {
      const assembled = await brief(clientId)
      return { markdown: briefToMarkdown(assembled, { dates: viewpointOf(vault, clock).dates }), fileName: briefFileName(assembled) }
    }
  }
}
