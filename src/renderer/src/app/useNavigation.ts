import { useEffect, useRef, useState } from 'react'
import type { VaultInfo } from '@shared/domain'
import { globalViews } from './registry'

/**
 * What is on screen beside the sidebar: an app-wide view (Today,
 * Commitments…) in place of the journal, or null; and the selected client's
 * tab. `navigate` moves only once the open entry is saved (or left), and a move
 * overtaken by a newer one while it waited is dropped.
 */
export function useNavigation(leaveEntry: () => Promise<boolean>, info: VaultInfo | null, clientCount: number) {
  const [activeView, setActiveView] = useState<string | null>(null)
  const [clientTab, setClientTab] = useState('journal')
  const navigation = useRef(0)

  const navigate = async (to: () => void) => {
    const token = ++navigation.current
    if (!(await leaveEntry()) || token !== navigation.current) return
    to()
  }

  // Once the vault has clients, the app opens on Today (what needs attention) rather than an empty journal.
  const choseStartView = useRef(false)
  useEffect(() => {
    if (choseStartView.current || !info) return
    choseStartView.current = true
    if (clientCount > 0 && globalViews.some((view) => view.id === 'today')) setActiveView('today')
  }, [info, clientCount])

  return { activeView, setActiveView, clientTab, setClientTab, navigate }
}
