import { useCallback, useEffect, useRef, useState } from 'react'
import type { Template, TemplateSummary } from '@shared/contract/templates'
import { call, errorMessage } from '@renderer/platform/api'
import type { ViewContext } from '@renderer/platform/views'
import { ConfirmDialog } from '@renderer/platform/ui/ConfirmDialog'
import { PlusIcon, WarningIcon } from '@renderer/platform/ui/icons'
import { Listbox } from '@renderer/platform/ui/Listbox'
import { TemplateForm } from './TemplateForm'
import './templates.css'

type Selection = { kind: 'none' } | { kind: 'new' } | { kind: 'template'; template: Template }
type Ask = { kind: 'discard'; proceed: () => void } | { kind: 'delete'; template: Template }

/** The app-wide "Templates" view: the built-ins and the person's own, each opened into a plain-text editor. */
export function TemplatesView({ context }: { context: ViewContext }) {
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [selection, setSelection] = useState<Selection>({ kind: 'none' })
  // Bumped when the form must start again from what is on disk (after a revert).
  const [generation, setGeneration] = useState(0)
  const [ask, setAsk] = useState<Ask | null>(null)
  const dirty = useRef(false)

  const reload = useCallback(async () => {
    try {
      setTemplates(await call('templates:list', {}))
      setLoadError(null)
    } catch (caught) {
      setLoadError(errorMessage(caught))
    }
  }, [])
  useEffect(() => void reload(), [reload])

  // Leaving a form with changes asks first; nothing is ever dropped silently.
  const leaveForm = (proceed: () => void) => {
    if (dirty.current) setAsk({ kind: 'discard', proceed })
    else proceed()
  }

  const open = (summary: TemplateSummary) =>
    leaveForm(() => {
      call('templates:get', { id: summary.id }).then(
        (template) => {
          dirty.current = false
          setSelection({ kind: 'template', template })
        },
        (caught: unknown) => context.notify(errorMessage(caught))
      )
    })

  const selectedId = selection.kind === 'template' ? selection.template.id : null

  return (
    <div className="templates-view">
      <section className="templates-list-pane" aria-label="Templates">
        <div className="pane-header">
          <h2 className="pane-title">Templates</h2>
        </div>
        <div className="entries-toolbar">
          <button
            type="button"
            className="button new-entry-button"
            disabled={!context.canWrite}
            onClick={() =>
              leaveForm(() => {
                dirty.current = false
                setSelection({ kind: 'new' })
              })
            }
          >
            <PlusIcon />
            <span>New template</span>
          </button>
        </div>
        {loadError && (
          <p role="alert" className="empty-state">
            {loadError}
          </p>
        )}
        {templates && (
          <Listbox
            label="Templates"
            className="templates-list"
            items={templates}
            getId={(t) => t.id}
            getLabel={(t) => t.name}
            selectedId={selectedId}
            onSelect={open}
            renderOption={(t, { descriptionId }) => (
              <div className="templates-list-item">
                <span className="templates-list-name">
                  {t.name}
                  {t.isEdited && <span className="template-badge">Edited</span>}
                  {!t.isBuiltIn && <span className="template-badge own">Yours</span>}
                </span>
                <span id={descriptionId} className={t.problem ? 'template-option-problem' : 'templates-list-description'}>
                  {t.problem ? (
                    <>
                      <WarningIcon />
                      <span>{t.problem}</span>
                    </>
                  ) : (
                    t.description
                  )}
                </span>
              </div>
            )}
          />
        )}
      </section>
      <section className="template-editor-pane" aria-label="Template">
        {selection.kind === 'none' ? (
          <div className="editor-empty">
            <p>Choose a template to read or change its prompts, or make one of your own.</p>
          </div>
        ) : (
          <TemplateForm
            key={`${selection.kind === 'template' ? selection.template.id : 'new'}:${generation}`}
            template={selection.kind === 'template' ? selection.template : null}
            canWrite={context.canWrite}
            onDirtyChange={(value) => {
              dirty.current = value
            }}
            onSaved={(template) => {
              setSelection({ kind: 'template', template })
              void reload()
            }}
            onRevert={() => {
              if (selection.kind !== 'template') return
              call('templates:revert', { id: selection.template.id }).then(
                (original) => {
                  dirty.current = false
                  setSelection({ kind: 'template', template: original })
                  setGeneration((g) => g + 1)
                  void reload()
                },
                (caught: unknown) => context.notify(errorMessage(caught))
              )
            }}
            onDelete={() => selection.kind === 'template' && setAsk({ kind: 'delete', template: selection.template })}
          />
        )}
      </section>
      {ask?.kind === 'discard' && (
        <ConfirmDialog
          title="Discard changes?"
          message="This template has changes that are not saved. If you leave it now, they will be lost."
          confirmLabel="Discard changes"
          cancelLabel="Keep editing"
          danger
          onClose={() => setAsk(null)}
          onConfirm={async () => {
            dirty.current = false
            setAsk(null)
            ask.proceed()
          }}
        />
      )}
      {ask?.kind === 'delete' && (
        <ConfirmDialog
          title="Delete template"
          message={`Delete “${ask.template.name}”? Entries started from it keep their text. You can restore it from the vault's .rapport/trash folder.`}
          confirmLabel="Delete template"
          danger
          onClose={() => setAsk(null)}
          onConfirm={async () => {
            await call('templates:delete', { id: ask.template.id })
            dirty.current = false
            setAsk(null)
            setSelection({ kind: 'none' })
            await reload()
          }}
        />
      )}
    </div>
  )
}
