import { useEffect, useRef } from 'react'
import { onEvent } from '@renderer/platform/api'

/** A desktop notification was clicked (main sends `client:open`): open that client's tab. */
export function useOpenClientFromShell(openClient: ((clientId: string, tab: 'brief' | 'profile') => void) | null): void {
  const latest = useRef(openClient)
  latest.current = openClient
  useEffect(() => onEvent('client:open', ({ clientId, tab }) => latest.current?.(clientId, tab)), [])
}
