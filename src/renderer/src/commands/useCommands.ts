import { useEffect, useRef } from 'react'
import { commands, isCommandId, matchesShortcut } from '@shared/commands'
import type { CommandId } from '@shared/commands'
import { onEvent } from '@renderer/app/api'
import { isMac } from './platform'

export interface CommandRuntime {
  run: () => void
  enabled: () => boolean
}

export type CommandRuntimes = Record<CommandId, CommandRuntime>

const openDialog = () => document.querySelector('dialog[open]')

/** Resolves once no modal dialog is open (true), or after `timeoutMs` (false). */
function dialogsClosed(timeoutMs = 5000): Promise<boolean> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (openDialog()) return
      finish(true)
    })
    const timer = setTimeout(() => finish(false), timeoutMs)
    function finish(closed: boolean) {
      observer.disconnect()
      clearTimeout(timer)
      resolve(closed)
    }
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['open'] })
  })
}

/**
 * Binds every declared shortcut (one keydown listener on the window) and the
 * application menu's `command:run` events to the same runtimes, so a command
 * behaves the same however it is chosen.
 */
export function useCommands(runtimes: CommandRuntimes): void {
  // Assigned during render so a command run straight after a commit sees that commit's state.
  const latest = useRef(runtimes)
  latest.current = runtimes

  useEffect(() => {
    const runNow = (id: CommandId) => {
      const runtime = latest.current[id]
      if (runtime.enabled()) runtime.run()
    }
    const run = (id: CommandId) => {
      const dialog = openDialog()
      if (!dialog) return runNow(id)
      // A command typed while a dialog finishes its work (Ctrl+N right after "Add client") runs once it closes;
      // otherwise commands would act behind a dialog the person is still using, so they are ignored.
      if (dialog.getAttribute('aria-busy') !== 'true') return
      void dialogsClosed().then((closed) => {
        if (closed) setTimeout(() => runNow(id), 0)
      })
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return
      for (const command of commands) {
        if (command.shortcut && matchesShortcut(command.shortcut, event, isMac)) {
          // The shortcut is ours even when the command is disabled: Ctrl+N must not open a browser window.
          event.preventDefault()
          event.stopPropagation()
          run(command.id)
          return
        }
      }
    }
    // Capture phase, so the editor's own key handling cannot swallow an app shortcut.
    window.addEventListener('keydown', onKeyDown, { capture: true })
    const unsubscribe = onEvent('command:run', ({ id }) => {
      if (isCommandId(id)) run(id)
    })
    return () => {
      window.removeEventListener('keydown', onKeyDown, { capture: true })
      unsubscribe()
    }
  }, [])
}
