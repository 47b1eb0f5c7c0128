import { Extension } from '@tiptap/core'
import type { Editor } from '@tiptap/core'
import type { Node as PmNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
// Relative, not @shared: the plugin's unit test loads this module as it is.
import type { TemplatePrompt } from '../../../shared/contract/coach'
import { hasSavedPrompts, hasWords, promptSpots } from '../../../shared/template-sections'
import './template-prompts.css'

/**
 * A template's prompts as placeholders (ProseMirror decorations): shown in
 * the empty place under each heading, gone as soon as something is typed
 * there, never part of the document — so never saved, never exported.
 */

interface PromptState {
  sections: readonly TemplatePrompt[]
  decorations: DecorationSet
}

export const templatePromptsKey = new PluginKey<PromptState>('templatePrompts')

function decorationsFor(doc: PmNode, sections: readonly TemplatePrompt[]): DecorationSet {
  if (sections.length === 0) return DecorationSet.empty
  const offsets: number[] = []
  doc.forEach((_node, offset) => offsets.push(offset))
  const decorations = promptSpots(doc.toJSON() as Parameters<typeof promptSpots>[0], sections).flatMap((spot) => {
    const attrs = { class: 'template-prompt', 'data-prompt': spot.prompt }
    if (spot.empty === null) {
      const heading = doc.child(spot.heading)
      const after = (offsets[spot.heading] ?? 0) + heading.nodeSize
      return [
        Decoration.widget(
          after,
          () => {
            const hint = document.createElement('p')
            hint.className = 'template-prompt-widget'
            hint.contentEditable = 'false'
            hint.textContent = spot.prompt
            return hint
          },
          { side: 1, key: `prompt-${spot.heading}` }
        )
      ]
    }
    const at = offsets[spot.empty.block] ?? 0
    const block = doc.child(spot.empty.block)
    if (!spot.empty.inList) return [Decoration.node(at, at + block.nodeSize, attrs)]
    // list > item > paragraph: the paragraph starts two steps in.
    const paragraph = block.firstChild?.firstChild
    return paragraph ? [Decoration.node(at + 2, at + 2 + paragraph.nodeSize, attrs)] : []
  })
  return DecorationSet.create(doc, decorations)
}

/** A block with words in it, neither a heading nor a prompt's own words: editing inside it moves no prompt. */
function holdsOnlyWords(block: PmNode, sections: readonly TemplatePrompt[]): boolean {
  if (block.type.name === 'heading') return false
  const json = block.toJSON() as Parameters<typeof hasWords>[0]
  return hasWords(json) && !hasSavedPrompts({ type: 'doc', content: [json] }, sections)
}

/**
 * True when an edit leaves every prompt where it was: the same blocks, and
 * each one changed had words before and still has (typing in a paragraph).
 * Then the prompts are only mapped through the edit, not found again in the
 * whole document, so a keystroke costs the same in a long entry as in a short one.
 */
function leavesPromptsAlone(before: PmNode, after: PmNode, sections: readonly TemplatePrompt[]): boolean {
  if (before.childCount !== after.childCount) return false
  for (let index = 0; index < after.childCount; index++) {
    const was = before.child(index)
    const now = after.child(index)
    if (was !== now && !(holdsOnlyWords(was, sections) && holdsOnlyWords(now, sections))) return false
  }
  return true
}

/** The prompts' state and decorations, kept up to date with every transaction. */
export function templatePromptsPlugin(): Plugin<PromptState> {
  return new Plugin<PromptState>({
    key: templatePromptsKey,
    state: {
      init: () => ({ sections: [], decorations: DecorationSet.empty }),
      apply(tr, value, old, state) {
        const sections = (tr.getMeta(templatePromptsKey) as readonly TemplatePrompt[] | undefined) ?? value.sections
        if (sections === value.sections && !tr.docChanged) return value
        if (sections.length === 0) return { sections, decorations: DecorationSet.empty }
        if (sections === value.sections && leavesPromptsAlone(old.doc, state.doc, sections)) {
          return { sections, decorations: value.decorations.map(tr.mapping, state.doc) }
        }
        return { sections, decorations: decorationsFor(state.doc, sections) }
      }
    },
    props: {
      decorations: (state) => templatePromptsKey.getState(state)?.decorations ?? DecorationSet.empty
    }
  })
}

export const TemplatePrompts = Extension.create({
  name: 'templatePrompts',
  addProseMirrorPlugins() {
    return [templatePromptsPlugin()]
  }
})

/** True for the transaction that only gives the prompts room: not an edit, so nothing is saved for it. */
export const isPromptSetup = (tr: Transaction): boolean => tr.getMeta(templatePromptsKey) !== undefined

/**
 * Shows these prompts, adding an empty paragraph under each prompted heading
 * that has nothing after it, so there is a place to type (not an edit: no
 * undo step, no save; an empty paragraph writes no Markdown).
 */
export function showTemplatePrompts(editor: Editor, sections: readonly TemplatePrompt[]): void {
  const { state } = editor
  const tr = state.tr.setMeta(templatePromptsKey, sections).setMeta('addToHistory', false)
  const offsets: number[] = []
  state.doc.forEach((node, offset) => offsets.push(offset + node.nodeSize))
  const headings = promptSpots(state.doc.toJSON() as Parameters<typeof promptSpots>[0], sections)
    .filter((spot) => spot.empty === null)
    .map((spot) => spot.heading)
  // From the last to the first, so each position is still where it was; the cursor maps past what is inserted.
  const paragraph = state.schema.nodes.paragraph
  if (paragraph) for (const heading of headings.reverse()) tr.insert(offsets[heading] ?? 0, paragraph.create())
  editor.view.dispatch(tr)
}
