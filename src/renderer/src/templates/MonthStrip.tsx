import type { ReflectionSummary } from '@shared/contract/templates'
import { intensity, lastMonths, monthLabel } from './chart-scales'

/** Months shown side by side; older months still count in the totals above. */
const MONTHS_SHOWN = 12

/**
 * Which reflections were written when: one row per template, one column per
 * month, each cell shaded by how many. A real table, so it reads as one.
 */
export function MonthStrip({ summary }: { summary: ReflectionSummary }) {
  const months = lastMonths(summary.months, MONTHS_SHOWN)
  const max = Math.max(1, ...months.flatMap((m) => Object.values(m.byTemplate)))
  return (
    <div className="month-strip-scroll">
      <table className="month-strip">
        <caption className="reflections-subheading">Reflections by month{summary.months.length > MONTHS_SHOWN ? ' (the last twelve)' : ''}</caption>
        <thead>
          <tr>
            <td />
            {months.map((m, i) => (
              <th key={m.month} scope="col" className="month-strip-month">
                {monthLabel(m.month, false)}
                {(i === 0 || m.month.endsWith('-01')) && <span className="month-strip-year">{m.month.slice(0, 4)}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {summary.templates.map((t) => (
            <tr key={t.id}>
              <th scope="row" className="month-strip-template">
                {t.name}
              </th>
              {months.map((m) => {
                const count = m.byTemplate[t.id] ?? 0
                return (
                  <td key={m.month} className="month-strip-cell">
                    <span
                      className={`month-strip-swatch ${count === 0 ? 'empty' : ''}`}
                      style={{ opacity: count === 0 ? undefined : intensity(count, max) }}
                      aria-hidden="true"
                    />
                    <span className="visually-hidden">{count === 0 ? 'none' : count}</span>
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
