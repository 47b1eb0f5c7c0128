import { EditorContent, useEditor } from '@tiptap/react'
import type { Editor } from '@tiptap/react'
import { useEffect, useImperativeHandle, useRef, useState, useSyncExternalStore } from 'react'
import type { Ref } from 'react'
import type { Entry } from '@shared/domain'
import { markdownToDoc } from '@shared/markdown'
import { ApiCallError, call, errorCode, errorMessage } from '@renderer/app/api'
import { isMac, withShortcut } from '@renderer/commands/platform'
import { useCommands } from '@renderer/commands/useCommands'
import { dayOfMoment } from '@shared/dates'
import { focusFirstAnswer } from '@renderer/templates/focus-first-answer'
import { TemplateExtras } from '@renderer/templates/TemplateExtras'
import { ExportIcon, HistoryIcon, TrashIcon } from '@renderer/ui/icons'
import { MakeCommitmentButton } from '@renderer/relationship/MakeCommitmentButton'
import { HistoryDialog } from '@renderer/safety/HistoryDialog'
import { SaveProblemNotice } from '@renderer/safety/SaveProblemNotice'
import { isRapportHref } from '@shared/mentions'
import { LinkedFrom } from '@renderer/mentions/LinkedFrom'
import { MentionPopup } from '@renderer/mentions/MentionPopup'
import { MentionMenuStore, mentionSuggestion } from '@renderer/mentions/mention-suggestion'
import { openRapportLink } from '@renderer/mentions/open-link'
import { AutosaveSession } from './autosave-session'
import { findText } from './find-text'
import { rendererExtensions } from './raw-markdown-views'
import { TemplatePrompts, isPromptSetup } from './template-prompts'
import { useTemplatePrompts } from './useTemplatePrompts'
import { ConflictNotice } from './ConflictNotice'
import { EditorToolbar } from './EditorToolbar'
import { LinkDialog } from './LinkDialog'
import { SaveStatus } from './SaveStatus'
import { TitleField } from './TitleField'
import type { TitleFieldHandle } from './TitleField'
import './editor.css'

/** The entry's own file is among its conflicts: it holds git's conflict markers. */
const hasGitMarkers = (entry: Entry): boolean => entry.conflicts?.includes(entry.path) ?? false

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
  ref?: Ref<EntryEditorHandle>
}

type Notice = { kind: 'status' | 'alert'; text: string }

const modKey = (event: MouseEvent | KeyboardEvent) => (isMac ? event.metaKey : event.ctrlKey)
const noSubscription = () => () => undefined

export function EntryEditor({ entry, readOnlyReason, canTrash, onSaved, onGone, onTrash, ref }: EntryEditorProps) {
  const readOnly = readOnlyReason !== null
  const titleRef = useRef(entry.title)
  const titleField = useRef<TitleFieldHandle>(null)
  const sessionRef = useRef<AutosaveSession | null>(null)
  const [session, setSession] = useState<AutosaveSession | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [linkDialog, setLinkDialog] = useState<{ url: string } | null>(null)
  // The history dialog, with the version it may restore over (null: the text on screen is not all saved, so no restore).
  const [history, setHistory] = useState<{ version: string | null } | null>(null)
  const callbacks = useRef({ onSaved, onGone })
  useEffect(() => {
    callbacks.current = { onSaved, onGone }
  })

  const openLinkDialog = (current: Editor) => {
    if (!current.isEditable) return
    const href: unknown = current.getAttributes('link').href
    setLinkDialog({ url: typeof href === 'string' ? href : '' })
  }
  const openLinkDialogRef = useRef(openLinkDialog)
  openLinkDialogRef.current = openLinkDialog

  const openExternal = async (url: string) => {
    try {
      await call('app:open-external', { url })
    } catch (error) {
      setNotice({ kind: 'alert', text: errorMessage(error) })
    }
  }
  const openExternalRef = useRef(openExternal)
  openExternalRef.current = openExternal

  // Parsed once per mounted entry: useEditor reads its options on every render, and parsing a long entry is not cheap.
  const [initialContent] = useState(() => markdownToDoc(entry.body))
  // The `@` popup's state, one per editor (see mention-suggestion.ts).
  const [mentionMenu] = useState(() => new MentionMenuStore())

  const editor = useEditor(
    {
      extensions: [...rendererExtensions, TemplatePrompts, mentionSuggestion(mentionMenu, { entryId: entry.id })],
      content: initialContent,
      editable: !readOnly,
      // The CSP forbids injected <style> tags; ProseMirror's base rules are in editor.css.
      injectCSS: false,
      // Typing must not re-render React: the toolbar and status subscribe to exactly what they show.
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          'aria-label': 'Entry text',
          role: 'textbox',
          'aria-multiline': 'true',
          class: 'prose',
          spellcheck: 'true'
        },
        // Runs before any extension's click handler: a plain click on a link only places the cursor,
        // and Ctrl/Cmd+click opens it in the browser through the core, which vets the address.
        handleClick: (view, _pos, event) => {
          const link = event.target instanceof Element ? event.target.closest('a[href]') : null
          if (!link || !view.dom.contains(link)) return false
          event.preventDefault()
          const href = link.getAttribute('href') ?? ''
          // A mention or entry link opens inside the app, like a web link with Ctrl/Cmd+click (or any click while read-only); never in the browser.
          if (isRapportHref(href)) {
            if (modKey(event) || !view.editable) openRapportLink(href)
          } else if (modKey(event)) void openExternalRef.current(href)
          return true
        },
        handleDOMEvents: {
          // Never let the page itself follow a link (e.g. while read-only, when the DOM is not editable).
          click: (_view, event) => {
            if (event.target instanceof Element && event.target.closest('a[href]')) event.preventDefault()
            return false
          }
        },
        handleKeyDown: (view, event) => {
          if (modKey(event) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'l') {
            if (view.editable && editorRef.current) openLinkDialogRef.current(editorRef.current)
            return true
          }
          return false
        }
      },
      // setEditable() also emits `update`, without a change, and making room for a template's prompts is no edit: only real edits count.
      onUpdate: ({ transaction }) => {
        if (transaction.docChanged && !isPromptSetup(transaction)) sessionRef.current?.markDirty()
      }
    },
    []
  )
  const editorRef = useRef<Editor>(editor)
  editorRef.current = editor
  // The text as it is saved: a template's prompts are never in it, and its sections left empty are left out.
  const markdownOf = useTemplatePrompts(editor, entry)
  const body = () => markdownOf(editor.getJSON())

  useEffect(() => {
    // The baseline is the loaded text as the editor writes it back, so merely opening an entry never rewrites its file.
    const created = new AutosaveSession({
      id: entry.id,
      version: entry.version,
      baseline: { title: entry.title, body: body() },
      read: () => ({ title: titleRef.current, body: body() }),
      save: (input) => call('entries:save', input),
      onSaved: (saved) => callbacks.current.onSaved(saved)
    })
    sessionRef.current = created
    setSession(created)
    return () => {
      // Best effort for an unexpected unmount; normal navigation has flushed already.
      if (!created.isClean()) void created.flush()
      created.dispose()
      sessionRef.current = null
    }
    // One session per mounted entry: the parent keys this component by entry id.
  }, [editor])

  // While a save stands refused, editing pauses: the kept copy then has every word, and choosing a version loses none.
  const conflicted = useSyncExternalStore(session ? session.subscribe : noSubscription, () => session?.getState().kind === 'conflict')
  // Two versions in the file, as git left them: nothing is edited (the core saves nothing) until the person chooses.
  const [gitMarkers, setGitMarkers] = useState(() => hasGitMarkers(entry))
  const editable = !readOnly && !conflicted && !gitMarkers
  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable, false)
  }, [editor, editable])

  useEffect(() => {
    if (notice?.kind !== 'status') return
    const timer = setTimeout(() => setNotice(null), 10_000)
    return () => clearTimeout(timer)
  }, [notice])

  const showEntry = (fresh: Entry) => {
    // The same text (our own save seen again, a touch by a sync tool) leaves the editor alone, selection and all.
    if (fresh.body !== body()) {
      const { from, to } = editor.state.selection
      editor.commands.setContent(markdownToDoc(fresh.body), { emitUpdate: false })
      const last = Math.max(editor.state.doc.content.size - 1, 0)
      editor.commands.setTextSelection({ from: Math.min(from, last), to: Math.min(to, last) })
    }
    titleRef.current = fresh.title
    titleField.current?.setValue(fresh.title)
    setGitMarkers(hasGitMarkers(fresh))
    sessionRef.current?.reset(fresh.version, { title: fresh.title, body: body() })
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

  const openHistory = async () => {
    const current = sessionRef.current
    // Save first, so the history compares against what is on screen. A restore needs the file to be exactly what the editor
    // shows (not the case during a conflict, or with a save failing): otherwise the core would refuse it and keep yet another copy.
    if (current) await current.flush()
    setHistory({ version: current?.isClean() ? current.currentVersion : null })
  }
  useCommands({ 'entry.history': { enabled: () => history === null, run: () => void openHistory() } })

  useImperativeHandle(ref, () => ({
    entryId: entry.id,
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
        fresh = await call('entries:read', { id: entry.id })
      } catch (error) {
        if (errorCode(error) !== 'not-found') return
        // The core may be re-reading the vault this very moment; only a second miss means the file is gone.
        await new Promise((resolve) => setTimeout(resolve, 1000))
        const again = await call('entries:read', { id: entry.id }).catch((second: unknown) => second)
        if (again instanceof ApiCallError && again.code === 'not-found' && sessionRef.current?.isClean()) callbacks.current.onGone()
        return
      }
      // Edits made while reading win: they will be saved against the old version and reported as a conflict.
      // A save that landed while reading is newer than what was read: keep it on screen.
      if (fresh.version !== shown && current.currentVersion === shown && current.isClean()) showEntry(fresh)
    },
    exportEntry
  }))

  return (
    <div className="entry-editor">
      <div className="editor-topbar">
        <EditorToolbar editor={editor} disabled={readOnly} onLink={() => openLinkDialog(editor)} />
        <div className="editor-topbar-actions">
          <MakeCommitmentButton editor={editor} entry={entry} disabled={readOnly} />
          <button type="button" className="button icon-button" aria-label="History" title={withShortcut('History', 'entry.history')} onClick={() => void openHistory()}>
            <HistoryIcon />
          </button>
          <button
            type="button"
            className="button icon-button"
            aria-label="Export to Markdown"
            title={withShortcut('Export to Markdown', 'entry.export')}
            onClick={() => void exportEntry()}
          >
            <ExportIcon />
          </button>
          <button
            type="button"
            className="button icon-button"
            aria-label="Move entry to trash"
            title="Move entry to trash"
            onClick={onTrash}
            disabled={!canTrash}
          >
            <TrashIcon />
          </button>
        </div>
      </div>
      <div className="editor-scroll">
        <div className="editor-column">
          {readOnlyReason && (
            <p className="editor-note" role="note">
              {readOnlyReason}
            </p>
          )}
          {notice && (
            <div className={`editor-notice ${notice.kind}`} role={notice.kind}>
              <span>{notice.text}</span>
              <button type="button" className="button subtle small" onClick={() => setNotice(null)}>
                Dismiss
              </button>
            </div>
          )}
          {session && (
            <ConflictNotice
              session={session}
              entryId={entry.id}
              onResolved={(resolved) => (resolved ? showEntry(resolved) : callbacks.current.onGone())}
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
            <TemplateExtras
              entry={entry}
              session={session}
              readOnly={readOnly}
              readDraft={() => ({ title: titleRef.current, body: body() })}
              onSaved={(saved) => callbacks.current.onSaved(saved)}
            />
          )}
          <EditorContent editor={editor} className="editor-content" />
          <MentionPopup store={mentionMenu} />
        </div>
      </div>
      {history && (
        <HistoryDialog
          entryId={entry.id}
          version={history.version ?? ''}
          cannotRestore={
            readOnlyReason ??
            (history.version === null ? 'Your latest changes are not saved yet, so no version can be put back until they are.' : null)
          }
          onClose={() => setHistory(null)}
          onRestored={(restored) => {
            setHistory(null)
            showEntry(restored)
            setNotice({ kind: 'status', text: 'Restored — the version you replaced is in the history too.' })
          }}
        />
      )}
      {linkDialog && (
        <LinkDialog
          initialUrl={linkDialog.url}
          restoreFocus={() => editor.commands.focus()}
          onClose={() => setLinkDialog(null)}
          onApply={(url) => {
            setLinkDialog(null)
            const chain = editor.chain().focus()
            if (editor.state.selection.empty && !editor.isActive('link')) {
              chain.insertContent({ type: 'text', text: url, marks: [{ type: 'link', attrs: { href: url } }] }).run()
            } else {
              chain.extendMarkRange('link').setLink({ href: url }).run()
            }
          }}
          onRemove={
            linkDialog.url
              ? () => {
                  setLinkDialog(null)
                  editor.chain().focus().extendMarkRange('link').unsetLink().run()
                }
              : null
          }
        />
      )}
    </div>
  )
}
