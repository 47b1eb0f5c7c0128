/** Plain calendar days (`YYYY-MM-DD`) in the browser, with UTC maths so no DST can shift them. */
export function addDaysTo(day: string, n: number): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10)
}

/** Today on this computer's calendar, for views that have no "today" from the core. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
