import type { Paragraph, RootContent } from 'mdast'
import type { TemplatePrompt } from '../../shared/contract/coach'
import { parseMarkdown, plainText } from '../../shared/markdown'

/**
 * A template's prompts: the italic paragraphs under its headings
 * ("_Be specific: this is what we keep doing._"). They are guidance, not the
 * person's words, so an entry started from the template does not get them:
 * the editor shows them as placeholders instead (`templates:prompts`).
 * Italic lines before the first heading ("_{{date}}, with {{client.name}}_")
 * are facts filled in for the entry, not prompts, and stay.
 */

/** A paragraph that is nothing but emphasis (one or more italic runs, spaces between). */
export function isPrompt(node: RootContent): node is Paragraph {
  if (node.type !== 'paragraph') return false
  const parts = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
  return parts.length > 0 && parts.every((child) => child.type === 'emphasis')
}

function promptNodes(markdown: string): { heading: string; node: Paragraph }[] {
  const tree = parseMarkdown(markdown)
  const found: { heading: string; node: Paragraph }[] = []
  let heading: string | null = null
  for (const node of tree.children) {
    if (node.type === 'heading') heading = plainText(node)
    else if (heading !== null && isPrompt(node)) found.push({ heading, node })
  }
  return found
}

/**
 * Every heading of the template with its prompt, in order: a heading with
 * several italic paragraphs gets them joined, one with none an empty prompt
 * (it is still the template's section, which an entry may leave out when empty).
 */
export function promptsOf(markdown: string): TemplatePrompt[] {
  const tree = parseMarkdown(markdown)
  const byHeading = new Map<string, string[]>()
  for (const node of tree.children) if (node.type === 'heading') byHeading.set(plainText(node), byHeading.get(plainText(node)) ?? [])
  for (const { heading, node } of promptNodes(markdown)) byHeading.get(heading)?.push(plainText(node))
  return [...byHeading].map(([heading, lines]) => ({ heading, prompt: lines.join(' ') }))
}

/** The template's text without its prompts: headings, facts and bare list items kept, no run of blank lines left behind. */
export function withoutPrompts(markdown: string): string {
  const cuts = promptNodes(markdown)
    .map(({ node }) => [node.position?.start.offset, node.position?.end.offset] as const)
    .filter((cut): cut is readonly [number, number] => cut[0] !== undefined && cut[1] !== undefined)
  let text = markdown
  for (const [start, end] of [...cuts].reverse()) text = text.slice(0, start) + text.slice(end)
  return text.replace(/\n[ \t]*(\n[ \t]*)+\n/g, '\n\n').replace(/\s+$/, '\n')
}
