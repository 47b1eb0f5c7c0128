import type { TemplateSummary } from '@shared/contract/templates'

/** Does a template match what was typed into the picker? Every word must appear in its name or description. */
export function matchesTemplate(template: Pick<TemplateSummary, 'name' | 'description'>, query: string): boolean {
  const haystack = `${template.name} ${template.description}`.toLocaleLowerCase()
  return query
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word))
}
