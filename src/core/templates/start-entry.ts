import type { ClientFile } from '../../shared/domain'
import { placeholderContext } from './client-facts'
import { fillPlaceholders } from './placeholders'
import { withoutPrompts } from './prompts'
import type { TemplateStore } from './template-store'

export interface EntryStart {
  template: string
  title?: string
  body?: string
  /** Front-matter fields the template records, with their defaults. */
  fields: Record<string, unknown>
}

/**
 * What a new entry started from a template begins with. An entry given no
 * text (or only blank text, as `rapport new` sends when nothing is piped
 * in) gets the template's headings and facts with placeholders filled, but
 * not its italic prompts: those are guidance, shown by the editor as
 * placeholders and never saved (prompts.ts). One given text
 * keeps it. Either way it records the template's id and its fields'
 * defaults, and, untitled, takes the template's name as its title.
 * An unknown template is `not-found`, a broken one `broken-file`.
 */
export async function startFromTemplate(
  store: TemplateStore,
  input: { template: string; client: ClientFile | null; title?: string | undefined; body?: string | undefined },
  now = new Date()
): Promise<EntryStart> {
  const template = await store.usable(input.template)
  const fields: Record<string, unknown> = {}
  for (const field of template.fields) if (field.default !== undefined) fields[field.key] = field.default
  const start: EntryStart = { template: template.id, fields }
  if (!input.title?.trim()) start.title = template.name
  start.body = input.body?.trim() ? input.body : withoutPrompts(fillPlaceholders(template.body, placeholderContext(input.client, now)).text)
  return start
}
