import type { TransferProgress } from '@shared/contract/transfer'

const numberFormat = new Intl.NumberFormat('en-GB')

/** `10,000`: counts people read at a glance. */
export const count = (n: number): string => numberFormat.format(n)

/** `1 note`, `2 notes`, `10,000 notes`. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`

/** What a progress bar says: `312 of 10,000`, or, while the total is not known yet, what is happening. */
export function progressText(progress: TransferProgress | null, unit: string): string {
  if (!progress) return 'Getting ready…'
  if (progress.total === 0) return progress.phase === 'scanning' ? `Looking for notes… ${plural(progress.done, 'file')} found` : 'Getting ready…'
  return `${count(progress.done)} of ${count(progress.total)} ${unit}`
}

/** A fresh id for a job, chosen here so the job can be cancelled before the call that starts it returns. */
export function newJobId(): string {
  // getRandomValues, not randomUUID: the latter exists only on secure origins, which a packaged page may not be.
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return `job-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}
