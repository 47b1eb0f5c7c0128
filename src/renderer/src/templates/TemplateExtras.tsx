import { useRef, useSyncExternalStore } from 'react'
import type { Entry } from '@shared/domain'
import type { AutosaveSession, Draft } from '@renderer/platform/editing/autosave-session'
import { RecordOffer } from './RecordOffer'
import { saveEntryFields } from './save-entry-fields'
import { ScaleField, scaleFields } from './ScaleField'
import { useTemplate } from './useTemplate'
import './templates.css'

interface TemplateExtrasProps {
  entry: Entry
  session: AutosaveSession
  readOnly: boolean
  /** The title and body as they are on screen. */
  readDraft: () => Draft
  onSaved: (entry: Entry) => void
}

/**
 * What an entry started from a template adds under its title: the template's
 * scale questions (mood…) and the offer to add what was written to the client
 * record. Renders nothing for a plain entry.
 */
export function TemplateExtras({ entry, session, readOnly, readDraft, onSaved }: TemplateExtrasProps) {
  const template = useTemplate(entry.template)
  // The version after each finished save; the offer looks again whenever it moves on.
  const savedVersion = useSyncExternalStore(session.subscribe, () => (session.getState().kind === 'saved' ? session.currentVersion : null))
  // Kept while a save is under way (null), so the offer does not look again at the old version meanwhile.
  const lastSaved = useRef(entry.version)
  if (savedVersion !== null) lastSaved.current = savedVersion
  if (!template) return null
  const scales = scaleFields(template.fields)

  return (
    <div className="template-extras">
      {scales.map((field) => {
        const value = entry.fields[field.key]
        return (
          <ScaleField
            key={field.key}
            field={field}
            value={typeof value === 'number' ? value : null}
            disabled={readOnly}
            onSave={async (next) => {
              onSaved(await saveEntryFields(entry.id, session, readDraft, { [field.key]: next }))
            }}
          />
        )
      })}
      {template.extract.length > 0 && entry.clientId && !readOnly && (
        <RecordOffer entryId={entry.id} clientId={entry.clientId} template={template} savedVersion={lastSaved.current} flush={() => session.flush()} />
      )}
    </div>
  )
}
