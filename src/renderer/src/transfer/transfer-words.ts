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

/**
 * What a screen reader is told of a long job: what is happening while the
 * total is not known, then every tenth of the way ("30% of 10,000 notes
 * done"). The words change only at those steps, so a live region holding
 * them speaks about ten times, not with every file.
 */
export function progressAnnouncement(progress: TransferProgress | null, unit: string): string {
  if (!progress || progress.total === 0) return progress?.phase === 'scanning' ? 'Looking for notes…' : 'Getting ready…'
  const tenths = Math.min(10, Math.floor((progress.done / progress.total) * 10))
  return `${tenths * 10}% of ${count(progress.total)} ${unit} done`
}

/** A fresh id for a job, chosen here so the job can be cancelled before the call that starts it returns. */
export function newJobId(): string {
  // getRandomValues, not randomUUID: the latter exists only on secure origins, which a packaged page may not be.
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return `job-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}
