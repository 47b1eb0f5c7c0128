import { useCallback, useEffect, useRef, useState } from 'react'

/**
 * What is on screen beside the sidebar: an app-wide view (Today,
 * Commitments…) in place of the journal, or null; and the selected client's
 * tab. `navigate` moves only once the open entry is saved (or left), and a move
 * overtaken by a newer one while it waited is dropped.
 */
export function useNavigation(leaveEntry: () => Promise<boolean>, startView: string | null | undefined) {
  const [activeView, setActiveView] = useState<string | null>(null)
  const [clientTab, setClientTab] = useState('journal')
  const navigation = useRef(0)

  const navigate = async (to: () => void) => {
    const token = ++navigation.current
    if (!(await leaveEntry()) || token !== navigation.current) return
    to()
  }

  // The app opens where the person left off, or on Today (what needs attention) rather than an empty journal:
  // see startView. Undefined until that is known.
  // A person who has already gone somewhere (a click while the vault was still being read) is not sent back.
  const choseStartView = useRef(false)
  useEffect(() => {
    if (choseStartView.current || startView === undefined) return
    choseStartView.current = true
    if (startView !== null && navigation.current === 0) setActiveView(startView)
  }, [startView])
  const hasNavigated = useCallback(() => navigation.current > 0, [])

  return { activeView, setActiveView, clientTab, setClientTab, navigate, hasNavigated }
}
