import { useSyncExternalStore } from 'react'
import { createPortal } from 'react-dom'
import { relationWords } from '@shared/people-words'
import type { MentionMenuStore } from './mention-suggestion'

/**
 * The `@` suggestions under the caret: a listbox the editor drives by keyboard (the caret stays in the text).
 * Placed on the page itself: the editor's scroll box is contained (`contain: strict`, so typing repaints only the
 * text), which would make it this fixed popup's frame and clip it.
 */
export function MentionPopup({ store }: { store: MentionMenuStore }) {
  const menu = useSyncExternalStore(store.subscribe, store.get)
  if (!menu?.rect) return null
  const below = menu.rect.bottom + 6
  return createPortal(
    <ul
      className="mention-menu"
      role="listbox"
      id="mention-menu"
      aria-label="People, clients and entries to mention"
      style={{ left: Math.max(8, Math.min(menu.rect.left, window.innerWidth - 320)), top: below }}
    >
      {menu.items.map((item, i) => (
        <li
          key={`${item.kind}:${item.id}`}
          id={`mention-option-${i}`}
          role="option"
          aria-selected={i === menu.active}
          className={i === menu.active ? 'active' : undefined}
          // A mouse press must not take the focus (and the selection) out of the editor.
          onMouseDown={(event) => {
            event.preventDefault()
            store.choose(item)
          }}
        >
          <span className="mention-name">{item.name}</span>
          <span className="mention-detail">
            {item.kind === 'client'
              ? 'Client'
              : item.kind === 'entry'
                ? `Entry · ${item.clientName}`
                : [item.role, item.relation ? relationWords[item.relation] : undefined, item.clientName].filter(Boolean).join(' · ')}
          </span>
        </li>
      ))}
    </ul>,
    document.body
  )
}
