import { useRef } from 'react'

/**
 * Where focus goes after a dialog that did its work; a cancelled dialog
 * returns focus to where it came from. Pass `restoreFocus` to the Dialog and
 * call `focusAfterDone(target)` just before closing it on success.
 */
export function useFocusAfterDialog(): { focusAfterDone: (target: () => void) => void; restoreFocus: () => boolean } {
  const afterDialog = useRef<(() => void) | null>(null)
  return {
    focusAfterDone: (target) => {
      afterDialog.current = target
    },
    restoreFocus: () => {
      const target = afterDialog.current
      afterDialog.current = null
      target?.()
      return target !== null
    }
  }
}
