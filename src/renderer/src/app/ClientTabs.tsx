import { useLayoutEffect, useRef } from 'react'
import type { ClientTab } from '@renderer/platform/views'

interface ClientTabsProps {
  tabs: readonly ClientTab[]
  activeId: string
  onOpen: (id: string) => void
}

/**
 * "Journal" and the client's other tabs (profile, timeline, brief…), as a tab
 * list a keyboard can move through (arrows, Home, End). In a pane too narrow
 * for all of them the row scrolls (see `.client-tabs`), and the open tab is
 * kept in view.
 */
export function ClientTabs({ tabs, activeId, onOpen }: ClientTabsProps) {
  const listRef = useRef<HTMLDivElement>(null)

  // Before paint, so a tab opened at the far end never shows scrolled away first.
  useLayoutEffect(() => {
    const list = listRef.current
    const active = list?.querySelector<HTMLElement>('[aria-selected="true"]')
    if (list && active) revealInRow(list, active)
  }, [activeId])

  if (tabs.length === 0) return null
  const all = [{ id: 'journal', label: 'Journal' }, ...tabs]
  const openAt = (index: number) => {
    const next = all[(index + all.length) % all.length]
    if (!next) return
    onOpen(next.id)
    // The tab may be in another pane once opened (the journal's, or a tab's own): focus it where it is then.
    requestAnimationFrame(() => document.getElementById(`client-tab-${next.id}`)?.focus())
  }
  return (
    <div ref={listRef} className="client-tabs" role="tablist" aria-label="Client">
      {all.map((tab, index) => (
        <button
          key={tab.id}
          id={`client-tab-${tab.id}`}
          type="button"
          role="tab"
          className="client-tab"
          aria-selected={tab.id === activeId}
          tabIndex={tab.id === activeId ? 0 : -1}
          onClick={() => onOpen(tab.id)}
          onKeyDown={(event) => {
            const targets: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: all.length - 1 }
            const to = targets[event.key]
            if (to === undefined) return
            event.preventDefault()
            openAt(to)
          }}
        >
          {tab.label}
        </button>
      ))}
    </div>
  )
}

/**
 * Scrolls the row (and only the row: not the pane around it, as
 * scrollIntoView could) so the tab is wholly shown, clear of the faded edges.
 */
function revealInRow(list: HTMLElement, tab: HTMLElement): void {
  const fade = Number.parseFloat(getComputedStyle(list).scrollPaddingInlineStart) || 0
  const start = tab.getBoundingClientRect().left - list.getBoundingClientRect().left + list.scrollLeft
  const end = start + tab.getBoundingClientRect().width
  if (start - fade < list.scrollLeft) list.scrollLeft = Math.max(0, start - fade)
  else if (end + fade > list.scrollLeft + list.clientWidth) list.scrollLeft = end + fade - list.clientWidth
}
