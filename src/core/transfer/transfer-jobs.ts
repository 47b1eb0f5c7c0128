import { randomUUID } from 'node:crypto'
import type { TransferPhase } from '../../shared/contract/transfer'
import { RapportError } from '../errors'
import type { ShellPorts } from '../shell-ports'

export interface TransferJob {
  id: string
  signal: AbortSignal
  /** Reports progress as `transfer:progress` events, a few a second at most (a 10,000-file export must not send 10,000 messages). */
  progress(phase: TransferPhase): (progress: { done: number; total: number }) => void
  finish(): void
}

/** Between two events, unless the phase changes or the job reaches its end. */
const EVENT_INTERVAL_MS = 100

/** The exports and imports running now, so `transfer:cancel` can stop one by its id. */
export class TransferJobs {
  private readonly running = new Map<string, AbortController>()

  constructor(private readonly shell: ShellPorts) {}

  start(requestedId?: string): TransferJob {
    const id = requestedId ?? randomUUID()
    if (this.running.has(id)) throw new RapportError('conflict', `A transfer with the id ${id} is already running.`)
    const controller = new AbortController()
    this.running.set(id, controller)
    let lastAt = 0
    let lastPhase: TransferPhase | null = null
    return {
      id,
      signal: controller.signal,
      progress:
        (phase) =>
        ({ done, total }) => {
          const now = Date.now()
          if (phase === lastPhase && now - lastAt < EVENT_INTERVAL_MS && (total === 0 || done < total)) return
          lastAt = now
          lastPhase = phase
          this.shell.emit?.('transfer:progress', { jobId: id, done, total, phase })
        },
      finish: () => void this.running.delete(id)
    }
  }

  /** Asks a running job to stop between two files; false when there is no such job (it may have just finished). */
  cancel(id: string): boolean {
    const job = this.running.get(id)
    job?.abort()
    return job !== undefined
  }
}
