import type { JournalControls, ViewContext } from '@renderer/platform/views'
import { useCommands } from '@renderer/platform/commands/useCommands'
import { CLIENT_TEMPLATE_FIELD } from './PeopleTab'

/** Puts the focus in a field once the tab holding it is on screen (it mounts after the navigation). */
function focusWhenShown(id: string, tries = 20): void {
  const field = document.getElementById(id)
  if (field) field.focus()
  else if (tries > 0) setTimeout(() => focusWhenShown(id, tries - 1), 50)
}

/** "Go to People" and "Set Default Template…" for the selected client. App mounts it once. */
export function PeopleCommands({ context, journal }: { context: ViewContext; journal: JournalControls }) {
  const clientId = journal.client?.id ?? null
  useCommands({
    'client.people': { enabled: () => clientId !== null, run: () => clientId && context.openClient(clientId, 'people') },
    'client.defaultTemplate': {
      enabled: () => clientId !== null && context.canWrite,
      run: () => {
        if (!clientId) return
        context.openClient(clientId, 'people')
        focusWhenShown(CLIENT_TEMPLATE_FIELD)
      }
    }
  })
  return null
}
