import { useEffect, useId, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import type { TemplateSummary } from '@shared/contract/templates'
import { call, errorMessage } from '@renderer/platform/api'
import { Dialog } from '@renderer/platform/ui/Dialog'
import { WarningIcon } from '@renderer/platform/ui/icons'
import { matchesTemplate } from './filter-templates'
import './templates.css'

interface TemplatePickerProps {
  clientId: string
  clientName: string
  /** Creates the entry; a thrown error is shown in the picker, which stays open. */
  onChoose: (templateId: string) => Promise<void>
  onClose: () => void
  restoreFocus?: () => boolean
}

/**
 * "New reflection": a filter field over the templates in the core's suggested
 * order. Focus stays in the field (a combobox) while the arrow keys move the
 * active option, so typing and choosing never fight over focus.
 */
export function TemplatePicker({ clientId, clientName, onChoose, onClose, restoreFocus }: TemplatePickerProps) {
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [query, setQuery] = useState('')
  const [activeId, setActiveId] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const listId = useId()
  const hintId = useId()
  const listRef = useRef<HTMLUListElement>(null)

  useEffect(() => {
    let cancelled = false
    call('templates:list', { clientId }).then(
      (list) => !cancelled && setTemplates(list),
      (caught: unknown) => !cancelled && setLoadError(errorMessage(caught))
    )
    return () => {
      cancelled = true
    }
  }, [clientId])

  const shown = (templates ?? []).filter((t) => matchesTemplate(t, query))
  const usable = shown.filter((t) => !t.problem)
  // The active option follows the filter: the first usable one unless the person moved elsewhere.
  const active = usable.find((t) => t.id === activeId) ?? usable[0] ?? null

  useEffect(() => {
    if (!active) return
    document.getElementById(optionId(listId, active.id))?.scrollIntoView({ block: 'nearest' })
  }, [active, listId])

  const choose = async (template: TemplateSummary) => {
    if (template.problem || busy) return
    setBusy(true)
    setError(null)
    try {
      await onChoose(template.id)
    } catch (caught) {
      setError(errorMessage(caught))
      setBusy(false)
    }
  }

  const move = (step: number) => {
    if (usable.length === 0) return
    const index = active ? usable.indexOf(active) : -1
    const next = usable[Math.min(Math.max(index + step, 0), usable.length - 1)]
    if (next) setActiveId(next.id)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') move(1)
    else if (event.key === 'ArrowUp') move(-1)
    else if (event.key === 'Enter') {
      if (active) void choose(active)
    } else return
    event.preventDefault()
  }

  return (
    <Dialog
      title={`New reflection for ${clientName}`}
      onClose={onClose}
      restoreFocus={restoreFocus}
      className="template-picker"
      busy={busy}
      describedBy={hintId}
    >
      <p id={hintId} className="visually-hidden">
        Type to narrow the list, use the arrow keys to move and Enter to start writing.
      </p>
      <label className="visually-hidden" htmlFor={`${listId}-input`}>
        Find a template
      </label>
      <input
        id={`${listId}-input`}
        className="text-input template-picker-input"
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active ? optionId(listId, active.id) : undefined}
        placeholder="Find a template"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
        autoComplete="off"
        spellCheck={false}
        data-autofocus
      />
      {loadError ? (
        <p role="alert" className="form-error">
          {loadError}
        </p>
      ) : templates === null ? (
        <p className="template-picker-empty" aria-busy="true">
          Reading templates…
        </p>
      ) : shown.length === 0 ? (
        <p className="template-picker-empty" role="status">
          No template matches “{query}”.
        </p>
      ) : null}
      <ul id={listId} ref={listRef} role="listbox" aria-label="Templates" className="template-options" hidden={shown.length === 0}>
        {shown.map((template) => {
          const isActive = template.id === active?.id
          return (
            <li
              key={template.id}
              id={optionId(listId, template.id)}
              role="option"
              aria-selected={isActive}
              aria-disabled={template.problem ? true : undefined}
              className={`template-option ${isActive ? 'active' : ''} ${template.problem ? 'broken' : ''}`}
              // Keep focus in the filter field: a click chooses without moving it.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => void choose(template)}
              onMouseMove={() => !template.problem && template.id !== activeId && setActiveId(template.id)}
            >
              <span className="template-option-name">{template.name}</span>
              {template.suggested && <span className="template-option-reason">{template.suggested}</span>}
              {template.problem ? (
                <span className="template-option-problem">
                  <WarningIcon />
                  <span>Cannot be used: {template.problem}</span>
                </span>
              ) : (
                <span className="template-option-description">{template.description}</span>
              )}
            </li>
          )
        })}
      </ul>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="dialog-actions template-picker-actions">
        <span className="template-picker-keys" aria-hidden="true">
          <kbd>↑</kbd>
          <kbd>↓</kbd> to move · <kbd>Enter</kbd> to start
        </span>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button primary" disabled={!active || busy} onClick={() => active && void choose(active)}>
          Start writing
        </button>
      </div>
    </Dialog>
  )
}

const optionId = (listId: string, templateId: string) => `${listId}-option-${templateId}`
