/**
 * An entry started from a template, seen as the template's sections: where
 * the editor shows each prompt as a placeholder, and which sections are left
 * out when saved because nothing was written under them. Works on the
 * editor's document (TipTap JSON), so it runs in the window and in tests.
 */
import type { JSONContent } from '@tiptap/core'
import type { TemplatePrompt } from './contract/coach'

/** Headings compare as people read them: case and spacing do not matter. */
export const headingKey = (text: string): string => text.replace(/\s+/g, ' ').trim().toLocaleLowerCase()

/** The plain words of a node and everything inside it. */
export function textOf(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? ''
  if (node.type === 'rawBlock' || node.type === 'rawInline') return typeof node.attrs?.source === 'string' ? node.attrs.source : ''
  return (node.content ?? []).map(textOf).join(node.type === 'paragraph' ? '' : ' ')
}

/** Anything a person put there: words, a picture, a code block, Markdown kept as written. */
const SUBSTANCE = new Set(['image', 'codeBlock', 'rawBlock', 'rawInline', 'horizontalRule'])
export const hasWords = (node: JSONContent): boolean =>
  SUBSTANCE.has(node.type ?? '') ||
  /[\p{L}\p{N}]/u.test(textOf(node)) ||
  (node.content ?? []).some((child) => SUBSTANCE.has(child.type ?? '') || hasWords(child))

interface SectionSpan {
  /** Index of the heading among the document's blocks. */
  heading: number
  /** One past the section's last block. */
  end: number
  section: TemplatePrompt
}

/** The template's sections as they are in the document: each heading that names one, to the next heading of its level or higher. */
function sectionsIn(doc: JSONContent, sections: readonly TemplatePrompt[]): SectionSpan[] {
  const byKey = new Map(sections.map((s) => [headingKey(s.heading), s]))
  const blocks = doc.content ?? []
  const spans: SectionSpan[] = []
  blocks.forEach((block, index) => {
    if (block.type !== 'heading') return
    const section = byKey.get(headingKey(textOf(block)))
    if (!section) return
    const level = Number(block.attrs?.level ?? 1)
    let end = index + 1
    while (end < blocks.length && !(blocks[end]?.type === 'heading' && Number(blocks[end]?.attrs?.level ?? 1) <= level)) end++
    spans.push({ heading: index, end, section })
  })
  return spans
}

/**
 * True when the entry holds the template's prompts as text: an entry written
 * before prompts became placeholders. Such an entry is left as it is.
 */
export function hasSavedPrompts(doc: JSONContent, sections: readonly TemplatePrompt[]): boolean {
  const prompts = new Set(sections.filter((s) => s.prompt).map((s) => headingKey(s.prompt)))
  return (doc.content ?? []).some((block) => block.type === 'paragraph' && prompts.has(headingKey(textOf(block))))
}

/**
 * The document as it is saved: once something is written in one of the
 * template's sections, each of its sections with nothing written under it
 * (no words; a bare bullet counts as nothing) is left out, heading and all.
 * Until then the entry keeps its outline (it was just started; focusing it
 * must not empty it). Headings the person added, and every section of an
 * entry that holds saved prompts, are kept as they are.
 */
export function withoutEmptySections(doc: JSONContent, sections: readonly TemplatePrompt[]): JSONContent {
  if (sections.length === 0 || hasSavedPrompts(doc, sections)) return doc
  const blocks = doc.content ?? []
  const drop = new Set<number>()
  let written = false
  for (const span of sectionsIn(doc, sections)) {
    const body = blocks.slice(span.heading + 1, span.end)
    // A sub-heading the person wrote is content; a sub-section of the template is judged on its own.
    if (body.some((block) => hasWords(block) || block.type === 'heading')) {
      written ||= body.some(hasWords)
      continue
    }
    for (let i = span.heading; i < span.end; i++) drop.add(i)
  }
  if (drop.size === 0 || !written) return doc
  return { ...doc, content: blocks.filter((_, index) => !drop.has(index)) }
}

/** Where each prompt shows: the empty block right after its heading, or after the heading itself when nothing follows it. */
export interface PromptSpot {
  prompt: string
  /** Index of the heading among the document's blocks. */
  heading: number
  /** The empty paragraph (or the paragraph of a lone empty list item) to show it in; null: show it after the heading. */
  empty: { block: number; inList: boolean } | null
}

/** The prompts to show now: under each of the template's headings whose section has nothing written yet. */
export function promptSpots(doc: JSONContent, sections: readonly TemplatePrompt[]): PromptSpot[] {
  if (hasSavedPrompts(doc, sections)) return []
  const blocks = doc.content ?? []
  return sectionsIn(doc, sections).flatMap((span): PromptSpot[] => {
    if (!span.section.prompt) return []
    const body = blocks.slice(span.heading + 1, span.end)
    if (body.some(hasWords)) return []
    const first = body[0]
    if (!first) return [{ prompt: span.section.prompt, heading: span.heading, empty: null }]
    if (first.type === 'paragraph') return [{ prompt: span.section.prompt, heading: span.heading, empty: { block: span.heading + 1, inList: false } }]
    const isList = first.type === 'bulletList' || first.type === 'orderedList' || first.type === 'taskList'
    return isList && (first.content ?? []).length === 1
      ? [{ prompt: span.section.prompt, heading: span.heading, empty: { block: span.heading + 1, inList: true } }]
      : []
  })
}

/** The document with an empty paragraph under each prompted heading that has nothing after it, so there is a place to type. */
export function withRoomForPrompts(doc: JSONContent, sections: readonly TemplatePrompt[]): JSONContent {
  const spots = promptSpots(doc, sections).filter((spot) => spot.empty === null)
  if (spots.length === 0) return doc
  const after = new Set(spots.map((spot) => spot.heading))
  return { ...doc, content: (doc.content ?? []).flatMap((block, index) => (after.has(index) ? [block, { type: 'paragraph' }] : [block])) }
}
