import { useId, useState } from 'react'
import type { Template } from '@shared/contract/templates'
import { call, errorMessage } from '@renderer/platform/api'
import { WarningIcon } from '@renderer/platform/ui/icons'

export interface TemplateDraft {
  name: string
  description: string
  body: string
}

interface TemplateFormProps {
  /** The template being edited, or null for a new one of the person's own. */
  template: Template | null
  canWrite: boolean
  onSaved: (template: Template) => void
  onRevert: () => void
  onDelete: () => void
  /** Told whenever the form has changes not yet saved, so leaving can ask first. */
  onDirtyChange: (dirty: boolean) => void
}

const blank: TemplateDraft = { name: '', description: '', body: '## \n\n' }

/** Name, description and the Markdown body of one template, edited as plain text and saved on request. */
export function TemplateForm({ template, canWrite, onSaved, onRevert, onDelete, onDirtyChange }: TemplateFormProps) {
  const initial: TemplateDraft = template ? { name: template.name, description: template.description, body: template.body } : blank
  const [draft, setDraft] = useState(initial)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  const ids = { name: useId(), description: useId(), body: useId(), bodyHint: useId() }
  const dirty = draft.name !== initial.name || draft.description !== initial.description || draft.body !== initial.body

  const change = (patch: Partial<TemplateDraft>) => {
    const next = { ...draft, ...patch }
    setDraft(next)
    setSaved(false)
    onDirtyChange(next.name !== initial.name || next.description !== initial.description || next.body !== initial.body)
  }

  const save = async () => {
    setBusy(true)
    setError(null)
    try {
      const result = await call('templates:save', template ? { id: template.id, version: template.version, ...draft } : { ...draft })
      onDirtyChange(false)
      setSaved(true)
      onSaved(result)
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  const editable = canWrite && !busy
  return (
    <form
      className="template-form"
      aria-label={template ? `Edit ${template.name}` : 'New template'}
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      {template?.problem && (
        <p className="template-problem" role="alert">
          <WarningIcon />
          <span>This template cannot be used until it is fixed: {template.problem}</span>
        </p>
      )}
      {template?.isEdited && (
        <p className="template-edited" role="note">
          <span>Edited — your copy is in the vault’s templates folder.</span>
          <button type="button" className="button small" onClick={onRevert} disabled={!canWrite}>
            Revert to original
          </button>
        </p>
      )}
      {template?.isBuiltIn && !template.isEdited && (
        <p className="field-hint template-builtin-note">Built into Rapport. Saving keeps your edited copy in the vault; you can revert it at any time.</p>
      )}
      <div className="template-form-field">
        <label className="field-label" htmlFor={ids.name}>
          Name
        </label>
        <input id={ids.name} className="text-input" value={draft.name} onChange={(e) => change({ name: e.target.value })} readOnly={!editable} required />
      </div>
      <div className="template-form-field">
        <label className="field-label" htmlFor={ids.description}>
          When to use it
        </label>
        <input
          id={ids.description}
          className="text-input"
          value={draft.description}
          onChange={(e) => change({ description: e.target.value })}
          readOnly={!editable}
        />
      </div>
      <div className="template-form-field grow">
        <label className="field-label" htmlFor={ids.body}>
          Prompts
        </label>
        <textarea
          id={ids.body}
          className="template-body-input"
          value={draft.body}
          onChange={(e) => change({ body: e.target.value })}
          readOnly={!editable}
          spellCheck
          aria-describedby={ids.bodyHint}
        />
        <p id={ids.bodyHint} className="field-hint">
          Markdown. Each “## heading” is a prompt; {'{{client.name}}'} and {'{{date}}'} are filled in when an entry starts.
        </p>
      </div>
      {template && template.warnings.length > 0 && (
        <ul className="template-warnings" aria-label="Worth fixing">
          {template.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="template-form-actions">
        {template && !template.isBuiltIn && (
          <button type="button" className="button subtle danger-text" onClick={onDelete} disabled={!canWrite}>
            Delete template…
          </button>
        )}
        <span className="template-form-status" role="status">
          {saved && !dirty ? 'Saved' : dirty ? 'Unsaved changes' : ''}
        </span>
        <button type="submit" className="button primary" disabled={!editable || !dirty}>
          {template?.isBuiltIn && !template.isEdited ? 'Save my copy' : 'Save'}
        </button>
      </div>
    </form>
  )
}
