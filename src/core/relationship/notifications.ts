import type { DesktopNotification } from '../../shared/contract/relationship'
import { shortDay, wallClock } from './calendar'
import { isActive } from './commitments'
import { byUrgency, dueOf, needsAttention } from './due'
import { upcomingDates } from './important-dates'
import { commitmentNow } from './recurring-commitment'
import { snoozeKey, snoozedUntil } from './snoozes'
import type { ClientData } from './stored-client'
import { datePhrase, duePhrase, relativeDays } from './wording'
import type { Viewpoint } from './viewpoint'

/** Notifications wait for the working day, in the user's own zone… */
export const NOTIFY_FROM_HOUR = 9
/** …and stop for the evening: what is missed tonight is said tomorrow at nine. */
export const NOTIFY_UNTIL_HOUR = 21

/**
 * The desktop notifications to show now. The shell only displays them; when
 * and how often is decided here:
 * - only between 09:00 and 21:00 on the user's clock;
 * - a follow-up due today or late, and a commitment (either side's) due today
 *   or late, once a day each until it is dealt with;
 * - an important date once when its reminder starts, and once on the day.
 * `alreadyNotified` holds the keys shown before; keys name the item and the
 * day (or the occurrence), which is what makes "once" true.
 */
export function dueNotifications(
  clients: readonly ClientData[],
  { now, settings, dates: style }: Viewpoint,
  alreadyNotified: ReadonlySet<string>
): DesktopNotification[] {
  const zone = settings.timeZone
  const clock = wallClock(now, zone)
  if (clock.hour < NOTIFY_FROM_HOUR || clock.hour >= NOTIFY_UNTIL_HOUR) return []
  const today = clock.day
  const followUps: DesktopNotification[] = []
  const commitments: Array<DesktopNotification & { due: NonNullable<ReturnType<typeof dueOf>> }> = []
  const dates: DesktopNotification[] = []

  for (const { id: clientId, name, data } of clients) {
    const followUp = data.followUp === undefined ? null : dueOf(data.followUp, now, zone)
    if (needsAttention(followUp) && snoozedUntil(data, snoozeKey.followUp, today, zone) === null) {
      followUps.push({
        key: `follow-up:${clientId}:${data.followUp}:${today}`,
        item: snoozeKey.followUp,
        title: `Follow up with ${name}`,
        body: followUp.days === 0 ? 'Planned for today.' : `Planned for ${shortDay(followUp.day, today, {}, style)} (${relativeDays(followUp.days)}).`,
        clientId
      })
    }
    for (const commitment of data.commitments ?? []) {
      const current = commitmentNow(commitment, zone)
      const due = current.due === undefined ? null : dueOf(current.due, now, zone)
      if (!isActive(commitment) || current.finished || !needsAttention(due)) continue
      if (snoozedUntil(data, snoozeKey.commitment(commitment.id), today, zone) !== null) continue
      commitments.push({
        key: `commitment:${clientId}:${commitment.id}${current.occurrence === undefined ? '' : `@${current.occurrence}`}:${today}`,
        item: snoozeKey.commitment(commitment.id),
        title: commitment.by === 'me' ? `Your promise to ${name}` : `${name}’s promise to you`,
        body: `${commitment.what} — ${duePhrase(due, today, style)}`,
        clientId,
        due
      })
    }
    for (const date of upcomingDates(data.person?.dates ?? [], today, settings.remindDaysBefore)) {
      if (!date.reminderDue) continue
      const phase = date.daysUntil === 0 ? 'on-the-day' : 'reminder'
      dates.push({
        key: `date:${clientId}:${date.label}:${date.next}:${phase}`,
        title: `${name}: ${datePhrase(date.label, date.next, date.daysUntil, today, style)}`,
        body: date.years === undefined ? shortDay(date.next, today, {}, style) : `${shortDay(date.next, today, {}, style)} — ${date.years} years`,
        clientId
      })
    }
  }

  const pressing = commitments.sort((a, b) => byUrgency(a.due, b.due)).map(({ due: _due, ...notification }) => notification)
  return [...followUps, ...pressing, ...dates].filter((n) => !alreadyNotified.has(n.key))
}
