/** Runs `task` `runs` times (after `warmup` untimed runs) and returns the timings in ms, sorted. */
export async function time(task: () => unknown, runs: number, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await task()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await task()
    times.push(performance.now() - start)
  }
  return times.sort((a, b) => a - b)
}

export const median = (sorted: number[]): number => sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
export const p95 = (sorted: number[]): number => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? Number.NaN

export interface Row {
  area: string
  measure: string
  value: number
  unit: string
  baseline?: { label: string; value: number }
  goal?: string
}

export function printTable(rows: Row[]): void {
  const lines = rows.map((r) => {
    const ratio = r.baseline && r.baseline.value > 0 ? `${(r.value / r.baseline.value).toFixed(2)}×` : ''
    const base = r.baseline ? `${r.baseline.value.toFixed(2)} ${r.unit} (${r.baseline.label})` : ''
    return [r.area, r.measure, `${r.value.toFixed(2)} ${r.unit}`, base, ratio, r.goal ?? '']
  })
  const header = ['area', 'measure', 'value', 'baseline in the same run', 'ratio', 'goal']
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)))
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')
  console.log(fmt(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const line of lines) console.log(fmt(line))
}
