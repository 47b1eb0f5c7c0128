import { useLayoutEffect, useRef } from 'react'
import type { RefObject } from 'react'
import type { TimelineEvent } from '@shared/contract/relationship'
import { calendarDayOf, monthYear, shortDate } from '@shared/dates'
import { appNow } from '@renderer/platform/dates/app-clock'
import type { Stage, TrustLevel } from '@shared/domain'
import { stageWords, stages, trustLevels, trustWords } from './words'

const DAY = 86_400_000
const WIDTH = 1000
const TRUST_HEIGHT = 88

const time = (day: string) => new Date(`${day}T12:00:00`).getTime()

/**
 * Stage as coloured bands and trust as a step line, on one time scale from
 * the first event to today. An SVG scaled to the width of the pane; words
 * under it say the same for people who cannot see it. A band names its stage
 * only when the name fits in it whole; the line under the bands names every
 * stage with the day it began, and the trust line's rungs are named beside it.
 */
export function RelationshipStrip({ events }: { events: TimelineEvent[] }) {
  const bandsRef = useRef<HTMLDivElement>(null)
  useNamesThatFit(bandsRef, events)
  const first = events[0]
  if (!first) return null
  const start = time(first.day)
  const end = Math.max(appNow(), start + DAY)
  const x = (day: string) => ((time(day) - start) / (end - start)) * WIDTH

  const stageSteps = events.filter((e): e is TimelineEvent & { stage: Stage } => e.kind === 'stage' && e.stage !== undefined)
  const trustSteps = events.filter((e): e is TimelineEvent & { trust: TrustLevel } => e.kind === 'trust' && e.trust !== undefined)

  const y = (trust: TrustLevel) => TRUST_HEIGHT - 6 - (trustLevels.indexOf(trust) / (trustLevels.length - 1)) * (TRUST_HEIGHT - 12)
  let path = ''
  trustSteps.forEach((step, index) => {
    const px = x(step.day)
    path += index === 0 ? `M${px},${y(step.trust)}` : `H${px}V${y(step.trust)}`
  })
  const lastTrust = trustSteps[trustSteps.length - 1]
  const lastStage = stageSteps[stageSteps.length - 1]
  if (lastTrust) path += `H${WIDTH}`

  const startLabel = monthYear(calendarDayOf(start), { short: true })
  const stageSummary = stageSteps.map((s) => stageWords[s.stage]).join(' → ')
  const trustSummary = trustSteps.map((s) => trustWords[s.trust]).join(' → ')

  const now = appNow()
  return (
    <figure className="strip" aria-label="Stage and trust over time">
      <div className="strip-row">
        <span className="strip-label">Stage</span>
        <span className="strip-rungs" />
        <div className="strip-bands" ref={bandsRef}>
          {stageSteps.map((step, index) => {
            const from = x(step.day)
            const next = stageSteps[index + 1]
            const to = next ? x(next.day) : WIDTH
            return (
              <span
                key={`${step.at}-${index}`}
                className={`strip-band stage-${stages.indexOf(step.stage)}`}
                style={{ left: `${(from / WIDTH) * 100}%`, width: `${Math.max(((to - from) / WIDTH) * 100, 0.5)}%` }}
                title={`${stageWords[step.stage]} from ${shortDate(step.day, now)}`}
              >
                <span className="strip-band-name">{stageWords[step.stage]}</span>
              </span>
            )
          })}
        </div>
        <span className="strip-now">{lastStage ? stageWords[lastStage.stage] : '—'}</span>
      </div>
      {stageSteps.length > 0 && (
        <ol className="strip-stages" aria-hidden="true">
          {stageSteps.map((step, index) => (
            <li key={`${step.at}-${index}`} className="strip-stage">
              <span className={`strip-swatch stage-${stages.indexOf(step.stage)}`} />
              {stageWords[step.stage]} <span className="strip-stage-day">{shortDate(step.day, now)}</span>
            </li>
          ))}
        </ol>
      )}
      <div className="strip-row">
        <span className="strip-label">Trust</span>
        <span className="strip-rungs" aria-hidden="true">
          {trustLevels.map((level) => (
            <span key={level} className="strip-rung" style={{ top: `${(y(level) / TRUST_HEIGHT) * 100}%` }}>
              {trustWords[level]}
            </span>
          ))}
        </span>
        <svg className="strip-trust" viewBox={`0 0 ${WIDTH} ${TRUST_HEIGHT}`} preserveAspectRatio="none" aria-hidden="true">
          {trustLevels.map((level) => (
            <line key={level} className="strip-grid" x1="0" x2={WIDTH} y1={y(level)} y2={y(level)} />
          ))}
          {path && <path className="strip-step" d={path} vectorEffect="non-scaling-stroke" />}
        </svg>
        <span className="strip-trust-now">{lastTrust ? trustWords[lastTrust.trust] : '—'}</span>
      </div>
      <div className="strip-axis" aria-hidden="true">
        <span>{startLabel}</span>
        <span>Today</span>
      </div>
      <figcaption className="visually-hidden">
        Stage: {stageSummary || 'not set'}. Trust: {trustSummary || 'not set'}.
      </figcaption>
    </figure>
  )
}

/**
 * Marks each stage band whose name does not fit in it whole (`data-cut`), so
 * the name is hidden there rather than cut to "Fir…"; the line of stages
 * under the bands names it. Measured again when the pane is resized.
 */
function useNamesThatFit(bandsRef: RefObject<HTMLDivElement | null>, events: readonly TimelineEvent[]): void {
  useLayoutEffect(() => {
    const bands = bandsRef.current
    if (!bands) return
    const measure = () => {
      for (const band of bands.querySelectorAll<HTMLElement>('.strip-band')) {
        const name = band.querySelector<HTMLElement>('.strip-band-name')
        const room = band.clientWidth - Number.parseFloat(getComputedStyle(band).paddingLeft) - Number.parseFloat(getComputedStyle(band).paddingRight)
        // The name is an inline box: its own width, not scrollWidth (always 0 for an inline element).
        band.toggleAttribute('data-cut', !name || name.getBoundingClientRect().width > room + 0.5)
      }
    }
    measure()
    const resized = new ResizeObserver(measure)
    resized.observe(bands)
    return () => resized.disconnect()
  }, [bandsRef, events])
}
