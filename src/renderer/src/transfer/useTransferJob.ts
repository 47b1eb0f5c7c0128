import { useEffect, useRef, useState } from 'react'
import type { TransferProgress } from '@shared/contract/transfer'
import { call, onEvent } from '@renderer/platform/api'
import { newJobId } from './transfer-words'

export interface TransferJobState {
  /** True while a job runs (from the click until its call returns). */
  running: boolean
  cancelling: boolean
  /** The latest `transfer:progress` of the running job; null before the first one. */
  progress: TransferProgress | null
  /** Runs one job: `work` gets the job's id to pass to the core; `cancelled` says whether the person asked it to stop. */
  run<T>(work: (jobId: string) => Promise<T>): Promise<{ value: T; cancelled: boolean }>
  /** Asks the core to stop the running job between two files. */
  cancel(): void
}

/**
 * One export or import at a time, with its progress and a way to stop it.
 * The job id is chosen here, so Cancel works before the call that started
 * the job returns. The progress subscription is made once, before any job
 * starts, and filters by the id held in a ref: an event that arrives before
 * React re-renders is not lost.
 */
export function useTransferJob(): TransferJobState {
  const jobId = useRef<string | null>(null)
  const [running, setRunning] = useState(false)
  const [cancelling, setCancelling] = useState(false)
  const [progress, setProgress] = useState<TransferProgress | null>(null)
  const cancelledJob = useRef<string | null>(null)

  useEffect(
    () =>
      onEvent('transfer:progress', (event) => {
        if (event.jobId === jobId.current) setProgress(event)
      }),
    []
  )

  // A dialog closed while its job runs stops the job: nothing should go on writing unseen.
  useEffect(
    () => () => {
      if (jobId.current) void call('transfer:cancel', { jobId: jobId.current }).catch(() => undefined)
    },
    []
  )

  const run = async <T>(work: (id: string) => Promise<T>): Promise<{ value: T; cancelled: boolean }> => {
    const id = newJobId()
    jobId.current = id
    setProgress(null)
    setCancelling(false)
    setRunning(true)
    try {
      const value = await work(id)
      return { value, cancelled: cancelledJob.current === id }
    } finally {
      if (jobId.current === id) jobId.current = null
      setRunning(false)
      setCancelling(false)
    }
  }

  const cancel = (): void => {
    const id = jobId.current
    if (!id) return
    setCancelling(true)
    cancelledJob.current = id
    // A job that has just finished is not there to cancel; its result arrives as usual.
    void call('transfer:cancel', { jobId: id }).catch(() => undefined)
  }

  return { running, cancelling, progress, run, cancel }
}
