import { useRef, useState } from 'react'
import type { RefObject } from 'react'
import type { Entry } from '@shared/domain'
import type { EntryEditorHandle } from '@renderer/editor'
import { useStableCallback } from '@renderer/platform/hooks/use-stable-callback'

/**
 * What happens once an entry is on screen: a new entry gets the cursor in its
 * title (a reflection, in its first prompt's answer); a search result selects
 * its match. A just-created entry is handed to the editor as is, rather than
 * read back from disk a moment later.
 */
export function useEntryArrival(editorRef: RefObject<EntryEditorHandle | null>) {
  const focusTitleOf = useRef<string | null>(null)
  const focusPromptOf = useRef<string | null>(null)
  // The words to select once that entry is on screen.
  const revealIn = useRef<{ entryId: string; text: string } | null>(null)
  const [created, setCreated] = useState<Entry | null>(null)

  /** A new entry about to open: shown as created, with the cursor in its title or (from a template) its first answer. */
  const expectCreated = (entry: Entry, fromTemplate: boolean) => {
    setCreated(entry)
    if (fromTemplate) focusPromptOf.current = entry.id
    else focusTitleOf.current = entry.id
  }

  /** An entry about to open at `text` (or at its top, without); `selected` when it is the one already chosen. */
  const expectReveal = (entryId: string, text: string | undefined, selected: boolean) => {
    revealIn.current = text ? { entryId, text } : null
    // Already open: there is no opening to wait for.
    if (selected && text && editorRef.current?.entryId === entryId) {
      revealIn.current = null
      requestAnimationFrame(() => editorRef.current?.reveal(text))
    }
  }

  const onOpened = useStableCallback((entryId: string) => {
    // Used once: opened again later, the entry is read afresh (its version will have moved on).
    setCreated(null)
    if (revealIn.current?.entryId === entryId) {
      const { text } = revealIn.current
      revealIn.current = null
      if (editorRef.current?.reveal(text)) return
    }
    if (focusPromptOf.current === entryId) {
      focusPromptOf.current = null
      editorRef.current?.focusFirstPrompt()
      return
    }
    if (focusTitleOf.current !== entryId) return
    focusTitleOf.current = null
    editorRef.current?.focusTitle()
  })

  return { created, expectCreated, expectReveal, onOpened }
}
