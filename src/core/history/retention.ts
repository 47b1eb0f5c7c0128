/**
 * Which history snapshots of an entry to keep. Typing is coalesced (a new
 * snapshot at most every COALESCE_MS while someone writes); after that:
 *   - everything from the last 24 hours,
 *   - the newest snapshot of each day for the last 30 days,
 *   - the newest snapshot of each week before that, for ever.
 * So a year of daily writing keeps about 144 + 30 + 48 snapshots of an entry at most.
 */
export const COALESCE_MS = 10 * 60_000
const DAY_MS = 24 * 60 * 60_000

export function snapshotsToDelete(times: readonly Date[], now: Date): Date[] {
  const newestFirst = [...times].sort((a, b) => b.getTime() - a.getTime())
  const keptBuckets = new Set<string>()
  const doomed: Date[] = []
  for (const time of newestFirst) {
    const age = now.getTime() - time.getTime()
    if (age < DAY_MS) continue
    const bucket = age < 30 * DAY_MS ? `day:${time.toISOString().slice(0, 10)}` : `week:${isoWeek(time)}`
    if (keptBuckets.has(bucket)) doomed.push(time)
    else keptBuckets.add(bucket)
  }
  return doomed
}

function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
  const day = d.getUTCDay() || 7
  d.setUTCDate(d.getUTCDate() + 4 - day)
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1))
  return `${d.getUTCFullYear()}-W${Math.ceil(((d.getTime() - yearStart.getTime()) / DAY_MS + 1) / 7)}`
}
