import { useId } from 'react'
import type { ReflectionSummary } from '@shared/contract/templates'
import { dayLabel, linear, monthTicks } from './chart-scales'

type Series = ReflectionSummary['series'][number]

const WIDTH = 560
const HEIGHT = 200
const PAD = { top: 14, right: 16, bottom: 30, left: 34 }

/**
 * One scale field (mood…) over time as a line with a dot per reflection.
 * Drawn by hand in SVG; its summary is the image's name and its numbers are
 * also a visually hidden table, for screen readers.
 */
export function ScaleChart({ series, templateNames }: { series: Series; templateNames: ReadonlyMap<string, string> }) {
  const titleId = useId()
  const points = series.points
  const times = points.map((p) => new Date(p.created).getTime())
  const first = Math.min(...times)
  const last = Math.max(...times)
  const x = linear(first, last, PAD.left + 8, WIDTH - PAD.right - 8)
  const y = linear(series.scale.min, series.scale.max, HEIGHT - PAD.bottom, PAD.top)
  const ticks: number[] = []
  for (let v = series.scale.min; v <= series.scale.max && ticks.length < 11; v++) ticks.push(v)
  const values = points.map((p) => p.value)
  const average = values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1)
  const latest = points[points.length - 1]
  const summary =
    points.length === 0
      ? `${series.label}: no answers yet.`
      : `${series.label}: ${points.length} answers from ${dayLabel(points[0]?.created ?? '')} to ${dayLabel(latest?.created ?? '')}, ` +
        `on a scale of ${series.scale.min} to ${series.scale.max}; average ${average.toFixed(1)}, latest ${latest?.value ?? ''}.`
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(times[i] ?? 0).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ')

  return (
    <figure className="scale-chart">
      <figcaption className="reflections-subheading">{series.label}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} className="scale-chart-svg">
        <title id={titleId}>{summary}</title>
        {ticks.map((v) => (
          <g key={v} className="chart-grid">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} />
            <text x={PAD.left - 10} y={y(v)} dy="0.35em" textAnchor="end" className="chart-axis-label">
              {v}
            </text>
          </g>
        ))}
        <line className="chart-axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={HEIGHT - PAD.bottom} y2={HEIGHT - PAD.bottom} />
        {points.length > 0 && (
          <>
            <text x={x(first)} y={HEIGHT - 8} textAnchor="start" className="chart-axis-label">
              {dayLabel(points[0]?.created ?? '')}
            </text>
            {last !== first && (
              <text x={x(last)} y={HEIGHT - 8} textAnchor="end" className="chart-axis-label">
                {dayLabel(latest?.created ?? '')}
              </text>
            )}
          </>
        )}
        {monthTicks(first, last)
          // Month names stay clear of the first and last day's labels.
          .filter((t) => x(t.time) - x(first) > 44 && x(last) - x(t.time) > 44)
          .map((t) => (
            <g key={t.time} className="chart-month">
              <line x1={x(t.time)} x2={x(t.time)} y1={PAD.top} y2={HEIGHT - PAD.bottom} />
              <text x={x(t.time)} y={HEIGHT - 8} textAnchor="middle" className="chart-axis-label">
                {t.label}
              </text>
            </g>
          ))}
        <path d={path} className="chart-line" />
        {points.map((p, i) => (
          <circle key={p.entryId} cx={x(times[i] ?? 0)} cy={y(p.value)} r={4} className="chart-dot" />
        ))}
      </svg>
      <table className="visually-hidden">
        <caption>{series.label}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Template</th>
            <th scope="col">Answer</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.entryId}>
              <td>{dayLabel(p.created)}</td>
              <td>{templateNames.get(p.template) ?? p.template}</td>
              <td>{p.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
