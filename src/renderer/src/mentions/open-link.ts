/**
 * A `rapport:` link was clicked (in an entry, a backlink, a brief): the app
 * opens what it names itself. The editor knows nothing of navigation, so it
 * announces the link; MentionNavigator, which has the app's ViewContext, acts.
 */
const EVENT = 'rapport:open-link'

export function openRapportLink(href: string): void {
  window.dispatchEvent(new CustomEvent<string>(EVENT, { detail: href }))
}

export function onRapportLink(listener: (href: string) => void): () => void {
  const handle = (event: Event) => {
    if (event instanceof CustomEvent && typeof event.detail === 'string') listener(event.detail)
  }
  window.addEventListener(EVENT, handle)
  return () => window.removeEventListener(EVENT, handle)
}

/** Which person the People tab should show first, when a mention of them was opened. */
let wantedPerson: string | null = null
const wantListeners = new Set<() => void>()
export const wantPerson = (id: string | null): void => {
  wantedPerson = id
  for (const listener of wantListeners) listener()
}
/** The People tab, when already open, hears of a person asked for. */
export const onWantPerson = (listener: () => void): (() => void) => {
  wantListeners.add(listener)
  return () => wantListeners.delete(listener)
}
export const takeWantedPerson = (): string | null => {
  const id = wantedPerson
  wantedPerson = null
  return id
}
