import { useRef, useState } from 'react'
import type { ClientDetail } from '@shared/contract/relationship'
import type { ClientSummary } from '@shared/domain'
import { call } from '@renderer/platform/api'
import type { ViewContext } from '@renderer/platform/views'
import { CoachCard } from '@renderer/relationship/coach/CoachCard'
import { CadenceField } from './rhythm/CadenceField'
import { CommitmentsPanel } from './CommitmentsPanel'
import { ImportantDates } from './ImportantDates'
import { InteractionsPanel } from './InteractionsPanel'
import { AutosaveTextField, ChipsField } from './profile-fields'
import type { SaveProfile } from './profile-fields'
import { RelationshipPulse } from './RelationshipPulse'
import { StageTrustPanel } from './StageTrustPanel'
import { useClientDetail } from './useClientDetail'
import { useRelationshipActions } from './useRelationshipActions'
import { LikesFields, WorkingStyleFields } from './WorkingStyleFields'
import './relationship.css'

type SaveState = 'idle' | 'saving' | 'saved' | 'error'

/** The client tab "Profile": who they are, how they like to work, and where the relationship stands. */
export function ProfileTab({ context, client }: { context: ViewContext; client: ClientSummary }) {
  const { detail, error, setDetail } = useClientDetail(client.id)
  const actions = useRelationshipActions(client, detail, context, setDetail)
  const [saveState, setSaveState] = useState<SaveState>('idle')
  const pending = useRef(0)

  const save: SaveProfile = async (patch) => {
    pending.current++
    setSaveState('saving')
    try {
      setDetail(await call('clients:update-profile', { id: client.id, patch }))
      pending.current--
      if (pending.current === 0) setSaveState('saved')
      // The sidebar shows the organisation and follow-up; keep it in step.
      if (patch.organisation !== undefined || patch.followUp !== undefined) void context.refresh()
    } catch (failure) {
      pending.current--
      setSaveState('error')
      throw failure
    }
  }

  if (error)
    return (
      <p className="profile-error" role="alert">
        {error}
      </p>
    )
  if (!detail) return <div className="profile" aria-busy="true" />

  return (
    <div className="profile">
      <div className="profile-topline">
        <StageTrustPanel detail={detail} writable={actions.writable} onChangeStage={actions.changeStage} onChangeTrust={actions.changeTrust} />
        <p className="profile-save" role="status" aria-live="polite">
          {saveState === 'saving' ? 'Saving…' : saveState === 'saved' ? 'Saved' : saveState === 'error' ? 'Not saved' : ''}
        </p>
      </div>
      <RelationshipPulse detail={detail} save={save} />
      <div className="pulse-cadence">
        <CadenceField
          clientId={client.id}
          value={detail.client.cadence}
          fallback="When gone quiet (Settings)"
          disabled={!actions.writable}
          onSaved={() => void call('clients:get', { id: client.id }).then(setDetail, () => undefined)}
        />
      </div>
      <div className="profile-grid">
        <ProfileEditor detail={detail} save={save} />
        <div className="profile-side">
          <CoachCard detail={detail} writable={actions.writable} onValue={actions.logValue} />
          <CommitmentsPanel detail={detail} context={context} writable={actions.writable} onChanged={setDetail} />
          <InteractionsPanel
            detail={detail}
            writable={actions.writable}
            onLog={actions.logInteraction}
            onEdit={actions.editInteraction}
            onChanged={(fresh) => {
              setDetail(fresh)
              void context.refresh()
            }}
          />
        </div>
      </div>
      {actions.dialogs}
    </div>
  )
}

/** Every field of the profile, in the order a person thinks of them. */
function ProfileEditor({ detail, save }: { detail: ClientDetail; save: SaveProfile }) {
  const c = detail.client
  const style = c.style ?? {}
  const person = c.person ?? {}
  const business = c.business ?? {}
  const local = detail.insights.localTime
  return (
    <div className="profile-main">
      <section className="profile-card" aria-labelledby="contact-heading">
        <h2 id="contact-heading" className="profile-card-title">
          Contact
        </h2>
        <div className="field-row">
          <AutosaveTextField label="Organisation" value={c.organisation} save={save} toPatch={(v) => ({ organisation: v })} />
          <AutosaveTextField label="Role" value={c.role} save={save} toPatch={(v) => ({ role: v })} />
        </div>
        <div className="field-row">
          <AutosaveTextField label="Email" type="email" value={c.contact?.email} save={save} toPatch={(v) => ({ contact: { email: v } })} />
          <AutosaveTextField label="Phone" type="tel" value={c.contact?.phone} save={save} toPatch={(v) => ({ contact: { phone: v } })} />
        </div>
      </section>

      <section className="profile-card" aria-labelledby="style-heading">
        <h2 id="style-heading" className="profile-card-title">
          How they like to do business
        </h2>
        <WorkingStyleFields
          style={style}
          save={(patch) => save({ style: patch })}
          {...(local ? { timeZoneHint: local.valid ? `Their time now: ${local.text}` : local.problem } : {})}
        />
      </section>

      <section className="profile-card" aria-labelledby="person-heading">
        <h2 id="person-heading" className="profile-card-title">
          The person
        </h2>
        <LikesFields likes={person.likes ?? []} dislikes={person.dislikes ?? []} save={(patch) => save({ person: patch })} />
        <ImportantDates detail={detail} save={save} />
        <AutosaveTextField label="Family and interests they shared" multiline value={person.notes} save={save} toPatch={(v) => ({ person: { notes: v } })} />
      </section>

      <section className="profile-card" aria-labelledby="business-heading">
        <h2 id="business-heading" className="profile-card-title">
          Their business
        </h2>
        <AutosaveTextField label="Goals" multiline value={business.goals} save={save} toPatch={(v) => ({ business: { goals: v } })} />
        <AutosaveTextField label="Pressures" multiline value={business.pressures} save={save} toPatch={(v) => ({ business: { pressures: v } })} />
        <AutosaveTextField
          label="What success looks like to them"
          multiline
          value={business.success}
          save={save}
          toPatch={(v) => ({ business: { success: v } })}
        />
        <ChipsField label="Tags" values={c.tags} placeholder="retainer, referral…" onChange={(tags) => save({ tags })} />
      </section>
    </div>
  )
}
