import { useEffect, useRef } from 'react'
import { call, onEvent } from '@renderer/platform/api'

/**
 * Saves pending edits whenever they might otherwise be lost: the window is
 * closing (main sends `app:flush` and waits for `app:flushed`), the app goes
 * to the background, or the page unloads.
 */
export function useFlushEvents(flush: () => Promise<boolean>): void {
  const latest = useRef(flush)
  useEffect(() => {
    latest.current = flush
  })

  useEffect(() => {
    const unsubscribe = onEvent('app:flush', () => {
      void latest.current().then((saved) => {
        // Say what is true: if a save failed, main asks the person before closing; the text stays on screen.
        const problem = saved ? undefined : (document.querySelector('[role="status"].save-status')?.textContent ?? undefined)
        void call('app:flushed', saved ? { saved } : { saved, ...(problem ? { problem } : {}) }).catch(() => undefined)
      })
    })
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void latest.current()
    }
    const onUnload = () => void latest.current()
    document.addEventListener('visibilitychange', onVisibility)
    window.addEventListener('beforeunload', onUnload)
    return () => {
      unsubscribe()
      document.removeEventListener('visibilitychange', onVisibility)
      window.removeEventListener('beforeunload', onUnload)
    }
  }, [])
}
