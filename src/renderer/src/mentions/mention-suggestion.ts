import { Extension } from '@tiptap/core'
import type { Editor, Range } from '@tiptap/core'
import { PluginKey } from '@tiptap/pm/state'
import Suggestion from '@tiptap/suggestion'
import type { MentionCandidate } from '@shared/contract/people'
import { mentionHref } from '@shared/mentions'
import { call } from '@renderer/platform/api'
import { rankCandidates } from './mention-items'

/** What the `@` popup shows; null when it is closed. */
export interface MentionMenu {
  items: MentionCandidate[]
  active: number
  /** Where the `@` is on screen, to place the popup under it. */
  rect: { left: number; top: number; bottom: number } | null
  query: string
}

/** A tiny store the popup subscribes to (useSyncExternalStore): the editor never re-renders React while typing. */
export class MentionMenuStore {
  private menu: MentionMenu | null = null
  private readonly listeners = new Set<() => void>()
  choose: (item: MentionCandidate) => void = () => undefined

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
  get = (): MentionMenu | null => this.menu
  set(menu: MentionMenu | null): void {
    this.menu = menu
    for (const listener of this.listeners) listener()
  }
}

/** The people and clients of the vault, read at most every few seconds while typing. */
let cached: { at: number; items: Promise<MentionCandidate[]> } | null = null
function candidates(): Promise<MentionCandidate[]> {
  if (!cached || Date.now() - cached.at > 5_000) cached = { at: Date.now(), items: call('mentions:candidates', undefined).catch(() => []) }
  return cached.items
}

/** Entries offered after the people and clients: a few, and only once there is something to search for. */
const ENTRY_LIMIT = 4

/** Entries whose words match what was typed, from the core's search index, as link targets; never the entry being written. */
async function entryCandidates(query: string, exceptEntryId: string | undefined): Promise<MentionCandidate[]> {
  if (query.trim().length < 2) return []
  try {
    const answer = await call('search:query', { query, filters: { kinds: ['entry'] }, limit: ENTRY_LIMIT + 1 })
    return answer.results
      .flatMap((result): MentionCandidate[] =>
        result.open.kind === 'entry' && result.open.entryId !== exceptEntryId
          ? [
              {
                kind: 'entry',
                id: result.open.entryId,
                name: result.title.trim() || 'Untitled',
                clientId: result.clientId ?? '',
                clientName: result.clientName ?? 'Your journal'
              }
            ]
          : []
      )
      .slice(0, ENTRY_LIMIT)
  } catch {
    // People and clients are still offered; search says what went wrong in its own view.
    return []
  }
}

/** Puts the mention in: the name as a `rapport:` link, then a space outside the link so typing goes on as plain text. */
export function insertMention(editor: Editor, range: Range, item: MentionCandidate): void {
  editor
    .chain()
    .focus()
    .insertContentAt(range, [
      { type: 'text', text: item.name, marks: [{ type: 'link', attrs: { href: mentionHref({ kind: item.kind, id: item.id }) } }] },
      { type: 'text', text: ' ' }
    ])
    .unsetMark('link')
    .run()
}

/**
 * Typing `@` offers people and clients (fuzzy), then entries whose words
 * match (arrows, Enter, Esc), and inserts the chosen one as a link mark; on
 * disk that is `[Name](rapport://person/<id>)` or `[Title](rapport://entry/<id>)`.
 */
export function mentionSuggestion(store: MentionMenuStore, options: { entryId?: string } = {}) {
  return Extension.create({
    name: 'mentionSuggestion',
    addProseMirrorPlugins() {
      return [
        Suggestion<MentionCandidate, MentionCandidate>({
          editor: this.editor,
          pluginKey: new PluginKey('mentionSuggestion'),
          char: '@',
          // Names have spaces ("Priya Ra"); the popup closes when nothing matches any more.
          allowSpaces: true,
          items: async ({ query }) => {
            const [named, entries] = await Promise.all([candidates().then((all) => rankCandidates(query, all)), entryCandidates(query, options.entryId)])
            return [...named, ...entries]
          },
          command: ({ editor, range, props }) => insertMention(editor, range, props),
          render: () => {
            let current: { items: MentionCandidate[]; command: (item: MentionCandidate) => void; query: string; rect: MentionMenu['rect'] } | null = null
            let active = 0
            const show = () => {
              if (!current || current.items.length === 0) return store.set(null)
              store.choose = current.command
              store.set({ items: current.items, active, rect: current.rect, query: current.query })
            }
            const take = (props: {
              items: MentionCandidate[]
              command: (item: MentionCandidate) => void
              query: string
              clientRect?: (() => DOMRect | null) | null
            }) => {
              const rect = props.clientRect?.() ?? null
              current = {
                items: props.items,
                command: props.command,
                query: props.query,
                rect: rect ? { left: rect.left, top: rect.top, bottom: rect.bottom } : null
              }
              active = Math.min(active, Math.max(0, props.items.length - 1))
              show()
            }
            return {
              onStart: (props) => {
                active = 0
                take(props)
              },
              onUpdate: (props) => take(props),
              onKeyDown: ({ event }) => {
                if (!current || current.items.length === 0) return false
                if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                  const n = current.items.length
                  active = (active + (event.key === 'ArrowDown' ? 1 : n - 1)) % n
                  show()
                  return true
                }
                if (event.key === 'Enter' || event.key === 'Tab') {
                  const item = current.items[active]
                  if (item) current.command(item)
                  return true
                }
                if (event.key === 'Escape') {
                  current = null
                  store.set(null)
                  return true
                }
                return false
              },
              onExit: () => {
                current = null
                store.set(null)
              }
            }
          }
        })
      ]
    }
  })
}
