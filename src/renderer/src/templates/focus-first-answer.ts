import type { Editor } from '@tiptap/react'

/**
 * Puts the cursor where the answer to a template's first prompt goes: an
 * empty bullet or paragraph under the first heading, or a new empty paragraph
 * after that heading's hint, so the person can start typing at once.
 */
export function focusFirstAnswer(editor: Editor): void {
  const { doc } = editor.state
  let headingIndex = -1
  doc.forEach((node, _offset, index) => {
    if (headingIndex === -1 && node.type.name === 'heading') headingIndex = index
  })
  if (headingIndex === -1) {
    editor.commands.focus('end')
    return
  }

  let sectionEnd = doc.content.size
  let emptySpot: number | null = null
  doc.forEach((node, offset, index) => {
    if (index <= headingIndex || sectionEnd !== doc.content.size) return
    if (node.type.name === 'heading') {
      sectionEnd = offset
      return
    }
    if (emptySpot !== null) return
    if (node.type.name === 'paragraph' && node.content.size === 0) emptySpot = offset + 1
    // list > item > paragraph: the text starts three steps in.
    else if (node.isBlock && node.firstChild?.type.name.endsWith('Item') && node.firstChild.textContent === '') emptySpot = offset + 3
  })

  if (emptySpot !== null) {
    editor.chain().focus().setTextSelection(emptySpot).scrollIntoView().run()
    return
  }
  editor
    .chain()
    .focus()
    .insertContentAt(sectionEnd, { type: 'paragraph' })
    .setTextSelection(sectionEnd + 1)
    .scrollIntoView()
    .run()
}
