import type { ClientDetail } from '@shared/contract/relationship'
import { AutosaveTextField } from './profile-fields'
import type { SaveProfile } from './profile-fields'
import { dueWords, shortDate } from '@shared/dates'
import { appNow } from '@renderer/platform/dates/app-clock'
import { plural } from './words'

/**
 * The calm line at the top of a profile: outreach since they last spoke,
 * the next follow-up (editable) and whether they have gone quiet.
 * Said once, in words, without alarm.
 */
export function RelationshipPulse({ detail, save }: { detail: ClientDetail; save: SaveProfile }) {
  const { outreach, quiet, followUp } = detail.insights
  return (
    <div className="pulse" aria-label="Relationship at a glance" role="group">
      <p className="pulse-line" data-testid="outreach">
        {outreach.sentence ?? (outreach.lastSpokeAt ? `You last spoke on ${shortDate(outreach.lastSpokeAt, appNow())}.` : 'No conversations logged yet.')}
        {outreach.sentence && outreach.perseverance && <span className="pulse-perseverance"> — {outreach.perseverance}</span>}
      </p>
      {quiet.quiet && (
        <p className="pulse-line pulse-quiet">Gone quiet{quiet.days !== undefined ? `: no conversation for ${plural(quiet.days, 'day')}` : ''}.</p>
      )}
      <div className="pulse-followup">
        <AutosaveTextField
          label="Next follow-up"
          type="date"
          value={detail.client.followUp?.slice(0, 10)}
          hint={followUp ? dueWords(followUp).replace('Due', 'Follow up').replace('Overdue since', 'Follow-up overdue since') : undefined}
          save={save}
          toPatch={(v) => ({ followUp: v })}
        />
      </div>
    </div>
  )
}
