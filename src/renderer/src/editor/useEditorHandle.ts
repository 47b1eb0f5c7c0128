import type { Editor } from '@tiptap/react'
import { useImperativeHandle } from 'react'
import type { Ref, RefObject } from 'react'
import type { Entry } from '@shared/domain'
import { ApiCallError, call, errorCode } from '@renderer/platform/api'
import type { AutosaveSession } from '@renderer/platform/editing/autosave-session'
import { focusFirstAnswer } from '@renderer/templates'
import { findText } from './find-text'
import type { TitleFieldHandle } from './TitleField'

export interface EntryEditorHandle {
  readonly entryId: string
  /** Saves anything pending; true when everything is on disk. */
  flush(): Promise<boolean>
  /** Why the last save failed, for asking whether to leave anyway. */
  saveProblem(): string | null
  /** Stops saving: the person chose to leave without their latest edits. */
  discard(): void
  focusTitle(): void
  focusBody(): void
  /** Puts the cursor in the answer to a template's first prompt (a new reflection). */
  focusFirstPrompt(): void
  /** Selects the first place `text` appears and scrolls to it (a search result opened at its match); false when it is not there. */
  reveal(text: string): boolean
  /** The vault changed on disk: show the file's new text if nothing here is unsaved. */
  reloadIfClean(): Promise<void>
  exportEntry(): Promise<void>
}

interface HandleParts {
  entryId: string
  editor: Editor
  sessionRef: RefObject<AutosaveSession | null>
  titleField: RefObject<TitleFieldHandle | null>
  /** Puts a newer version of the entry on screen. */
  showEntry: (fresh: Entry) => void
  onGone: () => void
  exportEntry: () => Promise<void>
}

/** What the shell may ask of the open entry's editor (see EntryEditorHandle). */
export function useEditorHandle(ref: Ref<EntryEditorHandle> | undefined, parts: HandleParts): void {
  const { entryId, editor, sessionRef, titleField, showEntry, onGone, exportEntry } = parts
  useImperativeHandle(ref, () => ({
    entryId,
    flush: async () => (sessionRef.current ? sessionRef.current.flush() : true),
    saveProblem: () => {
      const state = sessionRef.current?.getState()
      return state && (state.kind === 'error' || state.kind === 'conflict') ? state.message : null
    },
    discard: () => sessionRef.current?.dispose(),
    focusTitle: () => titleField.current?.focus(),
    focusBody: () => editor.commands.focus(),
    focusFirstPrompt: () => focusFirstAnswer(editor),
    reveal: (text) => {
      const range = findText(editor.state.doc, text)
      if (!range) return false
      editor.chain().focus().setTextSelection(range).scrollIntoView().run()
      return true
    },
    reloadIfClean: async () => {
      const current = sessionRef.current
      if (!current?.isClean()) return
      const shown = current.currentVersion
      let fresh: Entry
      try {
        fresh = await call('entries:read', { id: entryId })
      } catch (error) {
        if (errorCode(error) !== 'not-found') return
        // The core may be re-reading the vault this very moment; only a second miss means the file is gone.
        await new Promise((resolve) => setTimeout(resolve, 1000))
        const again = await call('entries:read', { id: entryId }).catch((second: unknown) => second)
        if (again instanceof ApiCallError && again.code === 'not-found' && sessionRef.current?.isClean()) onGone()
        return
      }
      // Edits made while reading win: they will be saved against the old version and reported as a conflict.
      // A save that landed while reading is newer than what was read: keep it on screen.
      if (fresh.version !== shown && current.currentVersion === shown && current.isClean()) showEntry(fresh)
    },
    exportEntry
  }))
}
