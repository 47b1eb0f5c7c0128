/** Small phrases shared by every line Rapport writes about time, so they read the same everywhere. */

/** `1 attempt`, `3 attempts`. */
export const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

/** `today`, `tomorrow`, `in 3 days`, `yesterday`, `3 days ago`, for a number of calendar days from today. */
export function relativeDays(days: number): string {
  if (days === 0) return 'today'
  if (days === 1) return 'tomorrow'
  if (days === -1) return 'yesterday'
  return days > 0 ? `in ${count(days, 'day')}` : `${count(-days, 'day')} ago`
}
