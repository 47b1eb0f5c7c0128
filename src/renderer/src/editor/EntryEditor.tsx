import { EditorContent } from '@tiptap/react'
import { useEffect, useRef, useState } from 'react'
import type { Ref } from 'react'
import type { Entry } from '@shared/domain'
import { markdownToDoc } from '@shared/markdown'
import { call, errorMessage } from '@renderer/platform/api'
import { TemplateExtras } from '@renderer/templates'
import { SaveProblemNotice } from '@renderer/safety'
import { LinkedFrom, MentionPopup } from '@renderer/mentions'
import { dayOfMoment } from '@shared/dates'
import { ConflictNotice } from './ConflictNotice'
import { EditorActions } from './EditorActions'
import { EditorNotice, useEditorNotice } from './EditorNotice'
import { EditorToolbar } from './EditorToolbar'
import { EntryAttachments } from './EntryAttachments'
import { SaveStatus } from './SaveStatus'
import { TitleField } from './TitleField'
import type { TitleFieldHandle } from './TitleField'
import { useAutosave } from './useAutosave'
import { useEditorHandle } from './useEditorHandle'
import type { EntryEditorHandle } from './useEditorHandle'
import { useEntryEditor } from './useEntryEditor'
import { useEntryMarkdown } from './useEntryMarkdown'
import { useHistory } from './useHistory'
import { useLinkDialog } from './useLinkDialog'
import './editor.css'

export type { EntryEditorHandle } from './useEditorHandle'

/** The entry's own file is among its conflicts: it holds git's conflict markers. */
const hasGitMarkers = (entry: Entry): boolean => entry.conflicts?.includes(entry.path) ?? false

interface EntryEditorProps {
  entry: Entry
  /** Set when this entry cannot be changed (a read-only vault, a file Rapport will not rewrite). */
  readOnlyReason: string | null
  /** False in a read-only vault; a file Rapport will not rewrite can still go to the trash. */
  canTrash: boolean
  onSaved: (entry: Entry) => void
  /** The entry's file is gone (deleted or moved by another program). */
  onGone: () => void
  onTrash: () => void
  /**
   * Rapport wrote files beside this entry: a save met a file changed elsewhere and kept this text in a copy, or a
   * conflict was resolved (keep both makes a new entry; the copy goes to the trash). Its own writes are not echoed
   * back as changes on disk, so the list is told here.
   */
  onFilesBeside?: () => void
  ref?: Ref<EntryEditorHandle>
}

/** One open entry: its title and text, saved as they are typed, with what can be done to it around them. */
export function EntryEditor({ entry, readOnlyReason, canTrash, onSaved, onGone, onTrash, onFilesBeside, ref }: EntryEditorProps) {
  const readOnly = readOnlyReason !== null
  const titleRef = useRef(entry.title)
  const titleField = useRef<TitleFieldHandle>(null)
  const [notice, setNotice] = useEditorNotice()
  // The files listed under the entry are read again after a file is attached (once it is saved).
  const [attachmentsSeen, setAttachmentsSeen] = useState(0)
  const callbacks = useRef({ onSaved, onGone, onFilesBeside })
  useEffect(() => {
    callbacks.current = { onSaved, onGone, onFilesBeside }
  })

  const { editor, mentionMenu } = useEntryEditor({
    entry,
    readOnly,
    onEdit: () => sessionRef.current?.markDirty(),
    onLinkKey: (current) => openLinkDialog(current),
    onOpenExternal: (url) => void call('app:open-external', { url }).catch((error: unknown) => setNotice({ kind: 'alert', text: errorMessage(error) })),
    onAttachmentProblem: (text) => setNotice({ kind: 'alert', text }),
    onAttachmentAdded: () => void sessionRef.current?.flush().then(() => setAttachmentsSeen((n) => n + 1))
  })
  const markdown = useEntryMarkdown(editor, entry)
  const readDraft = () => ({ title: titleRef.current, body: markdown.now() })
  const { session, sessionRef, conflicted } = useAutosave(editor, entry, {
    baseline: () => ({ title: entry.title, body: markdown.now() }),
    // Autosave reads the Markdown made in a worker, so a key pressed while it is made does not wait.
    read: () => {
      const title = titleRef.current
      return markdown.soon().then((body) => ({ title, body }))
    },
    onSaved: (saved) => callbacks.current.onSaved(saved)
  })
  const { openLinkDialog, linkDialog } = useLinkDialog(editor)
  useEffect(() => {
    if (conflicted) callbacks.current.onFilesBeside?.()
  }, [conflicted])

  // Two versions in the file, as git left them: nothing is edited (the core saves nothing) until the person chooses.
  const [gitMarkers, setGitMarkers] = useState(() => hasGitMarkers(entry))
  const editable = !readOnly && !conflicted && !gitMarkers
  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable, false)
  }, [editor, editable])

  const showEntry = (fresh: Entry) => {
    // The same text (our own save seen again, a touch by a sync tool) leaves the editor alone, selection and all.
    if (fresh.body !== markdown.now()) {
      const { from, to } = editor.state.selection
      editor.commands.setContent(markdownToDoc(fresh.body), { emitUpdate: false })
      const last = Math.max(editor.state.doc.content.size - 1, 0)
      editor.commands.setTextSelection({ from: Math.min(from, last), to: Math.min(to, last) })
    }
    titleRef.current = fresh.title
    titleField.current?.setValue(fresh.title)
    setGitMarkers(hasGitMarkers(fresh))
    sessionRef.current?.reset(fresh.version, { title: fresh.title, body: markdown.now() })
    callbacks.current.onSaved(fresh)
  }

  const exportEntry = async () => {
    setNotice(null)
    // Export writes the file as it is on disk, so put what is on screen there first.
    await sessionRef.current?.flush()
    try {
      const result = await call('entries:export', { id: entry.id })
      if (result) setNotice({ kind: 'status', text: `Exported to ${result.path}` })
    } catch (error) {
      setNotice({ kind: 'alert', text: errorMessage(error) })
    }
  }

  const { openHistory, historyDialog } = useHistory({
    entryId: entry.id,
    sessionRef,
    readOnlyReason,
    onRestored: (restored) => {
      showEntry(restored)
      setNotice({ kind: 'status', text: 'Restored — the version you replaced is in the history too.' })
    }
  })
  useEditorHandle(ref, { entryId: entry.id, editor, sessionRef, titleField, showEntry, onGone: () => callbacks.current.onGone(), exportEntry })

  return (
    <div className="entry-editor">
      <div className="editor-topbar">
        <EditorToolbar editor={editor} disabled={readOnly} onLink={() => openLinkDialog(editor)} />
        <EditorActions
          editor={editor}
          entry={entry}
          readOnly={readOnly}
          canTrash={canTrash}
          onHistory={() => void openHistory()}
          onExport={() => void exportEntry()}
          onTrash={onTrash}
        />
      </div>
      <div className="editor-scroll-frame">
        <div className="editor-scroll">
          <div className="editor-column">
            {readOnlyReason && (
              <p className="editor-note" role="note">
                {readOnlyReason}
              </p>
            )}
            {notice && <EditorNotice notice={notice} onDismiss={() => setNotice(null)} />}
            {session && (
              <ConflictNotice
                session={session}
                entryId={entry.id}
                onResolved={(resolved) => {
                  if (resolved) showEntry(resolved)
                  else callbacks.current.onGone()
                  callbacks.current.onFilesBeside?.()
                }}
                restoreFocus={() => {
                  editor.commands.focus()
                  return true
                }}
              />
            )}
            {session && <SaveProblemNotice session={session} />}
            <TitleField
              ref={titleField}
              initialValue={entry.title}
              readOnly={!editable}
              onChange={(value) => {
                titleRef.current = value
                sessionRef.current?.markDirty()
              }}
              onLeave={() => editor.commands.focus('start')}
            />
            <div className="entry-dateline">
              <time dateTime={entry.created}>{dayOfMoment(entry.created)}</time>
              {session && !readOnly && (
                <>
                  <span aria-hidden="true" className="dot">
                    ·
                  </span>
                  <SaveStatus session={session} />
                </>
              )}
            </div>
            <LinkedFrom entryId={entry.id} />
            {session && entry.template && (
              <TemplateExtras entry={entry} session={session} readOnly={readOnly} readDraft={readDraft} onSaved={(saved) => callbacks.current.onSaved(saved)} />
            )}
            <EditorContent editor={editor} className="editor-content" />
            <EntryAttachments entryId={entry.id} refresh={attachmentsSeen} />
            <MentionPopup store={mentionMenu} />
          </div>
        </div>
      </div>
      {historyDialog}
      {linkDialog}
    </div>
  )
}
