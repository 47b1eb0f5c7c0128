import { useEffect, useRef } from 'react'
import { isCommandId, shortcutLookup } from '@shared/commands'
import type { CommandId } from '@shared/commands'
import { onEvent } from '@renderer/platform/api'
import { isMac } from './shortcuts'

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

/** Every mounted component's runtimes; the newest registration that knows a command runs it. */
const registrations: Array<{ current: Partial<CommandRuntimes> }> = []
let detach: (() => void) | null = null

function runtimeFor(id: CommandId): CommandRuntime | undefined {
  for (let i = registrations.length - 1; i >= 0; i--) {
    const runtime = registrations[i]?.current[id]
    if (runtime) return runtime
  }
  return undefined
}

function runNow(id: CommandId): void {
  const runtime = runtimeFor(id)
  if (runtime?.enabled()) runtime.run()
}

function run(id: CommandId): void {
  const dialog = openDialog()
  if (!dialog) return runNow(id)
  // A command typed while a dialog finishes its work (Ctrl+N right after "Add client") runs once it closes;
  // otherwise commands would act behind a dialog the person is still using, so they are ignored.
  if (dialog.getAttribute('aria-busy') !== 'true') return
  void dialogsClosed().then((closed) => {
    if (closed) setTimeout(() => runNow(id), 0)
  })
}

/** One keydown listener and one menu subscription for the whole app, whoever registers commands. */
function attach(): () => void {
  const commandFor = shortcutLookup(isMac)
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return
    const command = commandFor(event)
    if (!command) return
    // The shortcut is ours even when the command is disabled: Ctrl+N must not open a browser window.
    event.preventDefault()
    event.stopPropagation()
    run(command.id)
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
}

/**
 * Gives commands of the one list (shared/commands.ts) what they do here.
 * Any component may call it for the commands it owns (App for the journal,
 * a view for its own); shortcuts and the application menu reach them all.
 */
export function useCommands(runtimes: Partial<CommandRuntimes>): void {
  // Assigned during render so a command run straight after a commit sees that commit's state.
  const latest = useRef(runtimes)
  latest.current = runtimes

  useEffect(() => {
    registrations.push(latest)
    detach ??= attach()
    return () => {
      registrations.splice(registrations.indexOf(latest), 1)
      if (registrations.length === 0) {
        detach?.()
        detach = null
      }
    }
  }, [])
}

/** Runs a command as if chosen from the menu (for buttons and the command palette). */
export function runCommand(id: CommandId): void {
  run(id)
}

/** Whether a command can run now, for menus and the palette. */
export function commandEnabled(id: CommandId): boolean {
  return runtimeFor(id)?.enabled() ?? false
}
