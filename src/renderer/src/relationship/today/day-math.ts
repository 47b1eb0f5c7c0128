/** Plain calendar days (`YYYY-MM-DD`) in the browser, with UTC maths so no DST can shift them. */
export function addDaysTo(day: string, n: number): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10)
}
