import { useEffect, useRef, useState } from 'react'
import type { Workspace } from '@shared/contract/workspace'
import { call } from '@renderer/platform/api'
import { fitPaneWidth, widestPane } from './workspace-restore'

/** Where the person left off in this vault, read once it is open: undefined while being read, null when it could not be. */
export function useSavedWorkspace(vaultRoot: string | undefined): Workspace | null | undefined {
  const [workspace, setWorkspace] = useState<Workspace | null | undefined>(undefined)
  useEffect(() => {
    if (!vaultRoot) return
    let current = true
    call('workspace:get', undefined).then(
      (saved) => current && setWorkspace(saved),
      () => current && setWorkspace(null)
    )
    return () => {
      current = false
    }
  }, [vaultRoot])
  return workspace
}

/** Keeps where the person is, from the moment the start has been restored (before, it would overwrite what is restored). */
export function useRememberWorkspace(restored: boolean, place: Pick<Workspace, 'view' | 'clientId' | 'entryId'>): void {
  const { view, clientId, entryId } = place
  useEffect(() => {
    if (!restored) return
    // Only the next start's restore depends on it: a failure (a locked vault) is not the person's problem.
    call('workspace:update', { view, clientId, entryId }).catch(() => undefined)
  }, [restored, view, clientId, entryId])
}

/** Saved once the person has stopped dragging the divider for this long. */
const SAVE_WIDTH_AFTER_MS = 400

/**
 * The entry list's width: as the person last left it in this vault, fitted to
 * the window (see fitPaneWidth), and saved as they change it.
 */
export function useJournalPaneWidth(saved: Workspace | null | undefined) {
  const [chosen, setChosen] = useState<number | null>(null)
  const [windowWidth, setWindowWidth] = useState(() => window.innerWidth)
  const timer = useRef<number | undefined>(undefined)

  const savedWidth = saved?.journalPaneWidth ?? null
  useEffect(() => setChosen(savedWidth), [savedWidth])
  useEffect(() => {
    const onResize = () => setWindowWidth(window.innerWidth)
    window.addEventListener('resize', onResize)
    return () => {
      window.removeEventListener('resize', onResize)
      window.clearTimeout(timer.current)
    }
  }, [])

  const choose = (width: number) => {
    const fitted = fitPaneWidth(width, windowWidth)
    setChosen(fitted)
    window.clearTimeout(timer.current)
    timer.current = window.setTimeout(() => void call('workspace:update', { journalPaneWidth: fitted }).catch(() => undefined), SAVE_WIDTH_AFTER_MS)
  }
  return { width: fitPaneWidth(chosen, windowWidth), widest: widestPane(windowWidth), choose }
}
