import { EditorState } from '@tiptap/pm/state'
import { describe, expect, it, vi } from 'vitest'
import { editorSchema } from '../../../shared/editor-schema'
import { markdownToDoc } from '../../../shared/markdown'
import * as templateSections from '../../../shared/template-sections'
import { templatePromptsKey, templatePromptsPlugin } from './template-prompts'

vi.mock('../../../shared/template-sections', { spy: true })

const sections = [
  { heading: 'What happened', prompt: 'Say what happened.' },
  { heading: 'Next steps', prompt: 'What comes next?' }
]

/** An entry from a template: the first section already written, the second still empty (its prompt shows). */
function startedEntry(): EditorState {
  const doc = editorSchema.nodeFromJSON(markdownToDoc('## What happened\n\nWe met for lunch.\n\n## Next steps\n'))
  const state = EditorState.create({ schema: editorSchema, doc, plugins: [templatePromptsPlugin()] })
  // As showTemplatePrompts does: the prompts, and an empty paragraph to type in under the empty section.
  const tr = state.tr.setMeta(templatePromptsKey, sections)
  tr.insert(state.doc.content.size, editorSchema.node('paragraph'))
  return state.apply(tr)
}

const prompts = (state: EditorState) =>
  (templatePromptsKey.getState(state)?.decorations.find() ?? []).map((decoration) => ({ from: decoration.from, prompt: decoration.spec.key ?? 'node' }))

const typeAt = (state: EditorState, pos: number, text: string) => state.apply(state.tr.insertText(text, pos))

describe('template prompts while typing', () => {
  it('typing in a written paragraph moves the prompts along without looking through the whole document', () => {
    let state = startedEntry()
    const before = prompts(state)
    expect(before).toHaveLength(1)
    vi.mocked(templateSections.promptSpots).mockClear()
    const inWrittenParagraph = 'We met'.length + 1 + state.doc.child(0).nodeSize
    for (const char of ' and talked') state = typeAt(state, inWrittenParagraph + 1, char)
    expect(templateSections.promptSpots).not.toHaveBeenCalled()
    expect(prompts(state)).toEqual(before.map((p) => ({ ...p, from: p.from + ' and talked'.length })))
  })

  it('typing the first word under an empty section takes its prompt away', () => {
    const state = startedEntry()
    const emptyParagraph = state.doc.content.size - 1
    expect(prompts(typeAt(state, emptyParagraph, 'C'))).toEqual([])
  })

  it('writing a heading anew finds the prompts again', () => {
    let state = startedEntry()
    vi.mocked(templateSections.promptSpots).mockClear()
    state = typeAt(state, 1, 'X')
    expect(templateSections.promptSpots).toHaveBeenCalled()
    // "XWhat happened" names no section of the template now.
    expect(prompts(state)).toHaveLength(1)
  })
})
