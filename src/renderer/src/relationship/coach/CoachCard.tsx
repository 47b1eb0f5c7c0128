import { useEffect, useState } from 'react'
import { balanceLine, balancePartWords, valueLine } from '@shared/coach-words'
import type { CoachView } from '@shared/contract/coach'
import { balanceParts } from '@shared/contract/coach'
import type { ClientDetail } from '@shared/contract/relationship'
import { call } from '@renderer/platform/api'
import { shortDate } from '@shared/dates'
import { stageWords, trustWords } from '@renderer/relationship/words'
import { appNow } from '@renderer/platform/dates/app-clock'
import './coach.css'

interface CoachCardProps {
  detail: ClientDetail
  writable: boolean
  /** Opens the value-given dialog, for what you gave (`out`) or what they did (`in`). */
  onValue: (direction: 'out' | 'in') => void
}

const dayWords = (day: string): string => shortDate(day, appNow())

/**
 * Where the relationship stands and how it is kept, from the essays: what the
 * stage and trust rung mean and what moves them on (unless coaching is off),
 * its balance as the reflections rated it, value given both ways, and the
 * user's own rhythm of attempts. Brief lines, never a lecture.
 */
export function CoachCard({ detail, writable, onValue }: CoachCardProps) {
  const [coach, setCoach] = useState<CoachView | null>(null)
  const clientId = detail.client.id
  useEffect(() => {
    let live = true
    call('coach:client', { clientId })
      .then((fresh) => live && setCoach(fresh))
      .catch(() => live && setCoach(null)) // A courtesy: the profile works without it.
    return () => {
      live = false
    }
    // Read again whenever the client changes (a new stage, an interaction logged).
  }, [clientId, detail])
  if (!coach) return null
  const { stage, trust, balance, value, perseverance } = coach
  return (
    <section className="profile-card coach-card" aria-labelledby="coach-heading">
      <div className="profile-card-header">
        <h2 id="coach-heading" className="profile-card-title">
          Where you stand
        </h2>
        <span className="coach-actions">
          <button type="button" className="button small" onClick={() => onValue('out')} disabled={!writable}>
            I added value…
          </button>
          <button type="button" className="button subtle small" onClick={() => onValue('in')} disabled={!writable}>
            They added value…
          </button>
        </span>
      </div>
      <ul className="coach-lines">
        {stage?.line && (
          <li className="coach-line" data-kind="stage">
            <span className="coach-level">{stageWords[stage.level]}</span> {stage.line.means} <span className="coach-next">{stage.line.next}</span>
          </li>
        )}
        {trust?.line && (
          <li className="coach-line" data-kind="trust">
            <span className="coach-level">{trustWords[trust.level]} trust</span> {trust.line.means} <span className="coach-next">{trust.line.next}</span>
          </li>
        )}
        {balance && (
          <li className="coach-line" data-kind="balance">
            <span className="coach-balance" aria-label={balanceLine(balance, dayWords)}>
              {balanceParts.map((part) => {
                const rated = balance.parts[part]
                return (
                  <span
                    key={part}
                    className={`coach-part trend-${rated?.trend ?? 'none'}`}
                    title={rated ? `${balancePartWords[part]}: ${rated.value} of 5, ${rated.ratings} ratings` : 'Not rated yet'}
                  >
                    <span className="coach-part-name">{balancePartWords[part]}</span>
                    <span className="coach-meter" aria-hidden="true">
                      <span style={{ width: `${((rated?.value ?? 0) / 5) * 100}%` }} />
                    </span>
                  </span>
                )
              })}
            </span>
            <span className="coach-quiet">{balanceLine(balance, dayWords)}</span>
          </li>
        )}
        <li className="coach-line" data-kind="value">
          {value.given + value.received > 0 ? valueLine(value, dayWords) : 'No value given logged yet, either way.'}
          {value.given + value.received > 0 && (
            <span className="coach-quiet">
              {' '}
              ({value.given} given, {value.received} received)
            </span>
          )}
        </li>
        {perseverance.sentence && (
          <li className="coach-line" data-kind="perseverance">
            {perseverance.sentence}
          </li>
        )}
      </ul>
    </section>
  )
}
