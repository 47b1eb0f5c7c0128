import type { ViewContext } from '@renderer/platform/views'
import { useCommands } from '@renderer/platform/commands/useCommands'

/** Ctrl/Cmd+Shift+F from anywhere opens the search view; once it is open, the view itself takes the shortcut back to its input. */
export function SearchCommand({ context }: { context: ViewContext }) {
  useCommands({ 'app.search': { enabled: () => true, run: () => context.openView('search') } })
  return null
}
