import type { ReactNode } from 'react'
import { useEffect, useRef, useState } from 'react'
import type { Person, PersonPatch } from '@shared/contract/people'
import type { TemplateSummary } from '@shared/contract/templates'
import type { ClientSummary, TrustLevel } from '@shared/domain'
import { relations, trustLevels } from '@shared/domain'
import { relationWords } from '@shared/people-words'
import { trustWords } from '@shared/words'
import { call, errorMessage } from '@renderer/platform/api'
import { appNow } from '@renderer/platform/dates/app-clock'
import type { ViewContext } from '@renderer/platform/views'
import { BacklinksList, onWantPerson, takeWantedPerson } from '@renderer/mentions'
import { CadenceField, LikesFields, WorkingStyleFields } from '@renderer/relationship'
import { PersonField } from './PersonField'
import { trustSoFar } from './trust-history'
import './people.css'

type Relation = (typeof relations)[number]

/** The client's default-template field, which the "Set Default Template…" command puts the focus in. */
export const CLIENT_TEMPLATE_FIELD = 'client-default-template'

/**
 * The client tab "People": a small map of who is who (name, role, how they
 * relate to the work, trust), one person's details saved as you type, and
 * the entries that mention them; the client's own mentions and default
 * template below.
 */
export function PeopleTab({ context, client }: { context: ViewContext; client: ClientSummary }) {
  const [people, setPeople] = useState<Person[] | null>(null)
  const [selected, setSelected] = useState<string | null>(() => takeWantedPerson())
  const [error, setError] = useState<string | null>(null)
  const [status, setStatus] = useState('')
  const [templates, setTemplates] = useState<TemplateSummary[]>([])
  const [defaultTemplate, setDefaultTemplate] = useState<string | null>(null)
  const canWrite = context.canWrite && !client.problem

  useEffect(() => {
    let cancelled = false
    call('people:list', { clientId: client.id }).then(
      (list) => !cancelled && setPeople(list),
      (failure: unknown) => !cancelled && setError(errorMessage(failure))
    )
    call('templates:list', { clientId: client.id }).then(
      (list) => !cancelled && setTemplates(list),
      () => undefined
    )
    call('clients:get', { id: client.id }).then(
      (detail) => !cancelled && setDefaultTemplate(detail.client.defaultTemplate ?? null),
      () => undefined
    )
    return () => {
      cancelled = true
    }
  }, [client.id])
  useEffect(() => onWantPerson(() => setSelected(takeWantedPerson())), [])

  /** Every change goes through here: what the core returns is what is shown. */
  const run = async <T,>(action: () => Promise<T>, saved = 'Saved'): Promise<T> => {
    setStatus('Saving…')
    try {
      const result = await action()
      setStatus(saved)
      return result
    } catch (failure) {
      setStatus('Not saved')
      setError(errorMessage(failure))
      throw failure
    }
  }
  const update = (id: string, patch: PersonPatch) =>
    run(() => call('people:update', { clientId: client.id, id, patch })).then(({ people: fresh }) => setPeople(fresh))

  const person = people?.find((p) => p.id === selected) ?? null

  if (error && people === null)
    return (
      <p className="profile-error" role="alert">
        {error}
      </p>
    )
  return (
    <div className="people">
      <div className="people-topline">
        <h2 className="people-heading">People at {client.name}</h2>
        <p className="profile-save" role="status" aria-live="polite">
          {status}
        </p>
      </div>
      {error && people !== null && (
        <p className="people-error" role="alert">
          {error}{' '}
          <button type="button" className="button subtle small" onClick={() => setError(null)}>
            Dismiss
          </button>
        </p>
      )}
      {canWrite && (
        <AddPerson
          onAdd={async (name) => {
            const { person: added, people: fresh } = await run(() => call('people:add', { clientId: client.id, name }), `Added ${name}`)
            setPeople(fresh)
            setSelected(added.id)
          }}
        />
      )}
      <ul className="people-map" aria-label="People">
        {(people ?? []).map((p) => (
          <li key={p.id}>
            <button type="button" className="person-card" aria-pressed={p.id === selected} onClick={() => setSelected(p.id === selected ? null : p.id)}>
              <span className="person-card-name">{p.name}</span>
              <span className="person-card-role">{p.role || 'No role yet'}</span>
              <span className="person-card-tags">
                {p.relation && <span className={`person-chip relation-${p.relation}`}>{relationWords[p.relation]}</span>}
                {p.trust && <span className="person-chip trust">Trust: {trustWords[p.trust.current]}</span>}
              </span>
            </button>
          </li>
        ))}
        {people?.length === 0 && <li className="people-empty">No one yet. Add the sponsor, the decision makers, and whoever pushes back.</li>}
      </ul>

      {person && (
        <PersonDetails
          key={person.id}
          person={person}
          templates={templates}
          canWrite={canWrite}
          context={context}
          update={(patch) => update(person.id, patch)}
          cadence={
            <CadenceField
              clientId={client.id}
              personId={person.id}
              value={person.cadence}
              fallback={`As for ${client.name}`}
              disabled={!canWrite}
              onSaved={() => void call('people:list', { clientId: client.id }).then(setPeople, () => undefined)}
            />
          }
          setTrust={async (trust) => setPeople((await run(() => call('people:trust', { clientId: client.id, id: person.id, trust }))).people)}
          remove={async () => {
            setPeople(await run(() => call('people:remove', { clientId: client.id, id: person.id }), `Removed ${person.name}`))
            setSelected(null)
          }}
          newEntry={async () => {
            const entry = await run(() => call('people:new-entry', { clientId: client.id, id: person.id }), 'Entry started')
            await context.refresh()
            context.openEntry(client.id, entry.id)
          }}
        />
      )}

      <section className="people-client" aria-label={`About ${client.name}`}>
        <TemplateChoice
          id={CLIENT_TEMPLATE_FIELD}
          label={`New entries for ${client.name} start from`}
          templates={templates}
          value={defaultTemplate}
          disabled={!canWrite}
          onChoose={async (template) =>
            setDefaultTemplate((await run(() => call('clients:set-default-template', { clientId: client.id, template }))).defaultTemplate)
          }
        />
        <BacklinksList
          target={client.id}
          context={context}
          heading={`Entries mentioning ${client.name}`}
          empty={`No entry mentions ${client.name} yet. Type @ in an entry to mention them.`}
        />
      </section>
    </div>
  )
}

/** A name field: Enter adds the person, and the field is ready for the next one. */
function AddPerson({ onAdd }: { onAdd: (name: string) => Promise<void> }) {
  const [name, setName] = useState('')
  const input = useRef<HTMLInputElement>(null)
  const submit = async () => {
    if (!name.trim()) return
    try {
      await onAdd(name.trim())
      setName('')
    } catch {
      // The message is shown above; the name stays to try again.
    }
    input.current?.focus()
  }
  return (
    <form
      className="people-add"
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <label className="field-label" htmlFor="people-add-name">
        Add a person
      </label>
      <input
        ref={input}
        id="people-add-name"
        className="text-input"
        value={name}
        placeholder="Name, then Enter"
        maxLength={300}
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" className="button" disabled={!name.trim()}>
        Add
      </button>
    </form>
  )
}

function PersonDetails(props: {
  person: Person
  templates: TemplateSummary[]
  canWrite: boolean
  context: ViewContext
  update: (patch: PersonPatch) => Promise<void>
  /** Their keep-in-touch cadence (issue #16). */
  cadence?: ReactNode
  setTrust: (trust: TrustLevel) => Promise<void>
  remove: () => Promise<void>
  newEntry: () => Promise<void>
}) {
  const { person, templates, canWrite, context, update } = props
  const save = (patch: (value: string | null) => PersonPatch) => (value: string | null) => update(patch(value))
  return (
    <section className="person-details profile-card" aria-labelledby="person-details-heading">
      <div className="profile-card-header">
        <h3 id="person-details-heading" className="profile-card-title">
          {person.name}
        </h3>
        <div className="person-actions">
          <button type="button" className="button small" disabled={!canWrite} onClick={() => void props.newEntry().catch(() => undefined)}>
            New entry about them
          </button>
          <button type="button" className="button subtle small danger-text" disabled={!canWrite} onClick={() => void props.remove().catch(() => undefined)}>
            Remove
          </button>
        </div>
      </div>
      <fieldset className="person-grid" disabled={!canWrite}>
        <PersonField label="Name" value={person.name} save={async (v) => (v === null ? undefined : update({ name: v }))} />
        <PersonField label="Role" value={person.role} save={save((v) => ({ role: v }))} />
        <Select
          label="How they relate to the work"
          value={person.relation ?? ''}
          options={[{ value: '', label: 'Not set' }, ...relations.map((r) => ({ value: r, label: relationWords[r] }))]}
          onChoose={(v) => void update({ relation: v === '' ? null : (v as Relation) }).catch(() => undefined)}
        />
        <Select
          label="Trust"
          value={person.trust?.current ?? ''}
          options={[...(person.trust ? [] : [{ value: '', label: 'Not set' }]), ...trustLevels.map((t) => ({ value: t, label: trustWords[t] }))]}
          onChoose={(v) => v !== '' && void props.setTrust(v as TrustLevel).catch(() => undefined)}
        />
        {props.cadence}
        <PersonField label="Email" type="email" value={person.contact?.email} save={save((v) => ({ contact: { email: v } }))} />
        <PersonField label="Phone" type="tel" value={person.contact?.phone} save={save((v) => ({ contact: { phone: v } }))} />
        <PersonField label="Notes" multiline value={person.notes} save={save((v) => ({ notes: v }))} />
        <TemplateChoice
          label="Entries about them start from"
          templates={templates}
          value={person.defaultTemplate ?? null}
          disabled={!canWrite}
          onChoose={(template) => update({ defaultTemplate: template })}
        />
      </fieldset>
      {/* The client's own fields for these, over the same parts of client.json: one way to say how anyone likes to work. */}
      <fieldset className="person-style" disabled={!canWrite} aria-labelledby="person-style-heading">
        <h4 id="person-style-heading" className="person-subheading">
          How they like to do business
        </h4>
        <WorkingStyleFields style={person.style ?? {}} save={(patch) => update({ style: patch })} />
      </fieldset>
      <fieldset className="person-style" disabled={!canWrite} aria-labelledby="person-person-heading">
        <h4 id="person-person-heading" className="person-subheading">
          The person
        </h4>
        <LikesFields likes={person.person?.likes ?? []} dislikes={person.person?.dislikes ?? []} save={(patch) => update({ person: patch })} />
        <PersonField label="Family and interests they shared" multiline value={person.person?.notes} save={save((v) => ({ person: { notes: v } }))} />
      </fieldset>
      {person.trust && person.trust.history.length > 0 && <p className="person-trust-history">Trust so far: {trustSoFar(person.trust.history, appNow())}</p>}
      <BacklinksList
        level={4}
        target={person.id}
        context={context}
        heading={`Entries mentioning ${person.name}`}
        empty={`No entry mentions ${person.name} yet. Type @ in an entry to mention them.`}
      />
    </section>
  )
}

function Select({
  label,
  value,
  options,
  onChoose,
  id: givenId
}: {
  label: string
  value: string
  options: Array<{ value: string; label: string }>
  onChoose: (value: string) => void
  id?: string
}) {
  const id = givenId ?? `select-${label.replace(/\W+/g, '-').toLowerCase()}`
  return (
    <div className="person-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="text-input" value={value} onChange={(e) => onChoose(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

function TemplateChoice({
  label,
  templates,
  value,
  disabled,
  onChoose,
  id
}: {
  label: string
  templates: TemplateSummary[]
  value: string | null
  disabled: boolean
  onChoose: (template: string | null) => Promise<unknown>
  id?: string
}) {
  const known = value === null || templates.some((t) => t.id === value)
  return (
    <fieldset className="template-choice" disabled={disabled}>
      <Select
        {...(id ? { id } : {})}
        label={label}
        value={value ?? ''}
        options={[
          { value: '', label: 'A blank entry' },
          ...(known ? [] : [{ value: value ?? '', label: `${value} (missing)` }]),
          ...templates.map((t) => ({ value: t.id, label: t.name }))
        ]}
        onChoose={(v) => void onChoose(v === '' ? null : v).catch(() => undefined)}
      />
    </fieldset>
  )
}
