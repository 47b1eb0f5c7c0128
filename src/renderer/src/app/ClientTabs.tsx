import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { RefObject } from 'react'
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
 * kept in view. Where more tabs wait, that edge fades and shows a chevron
 * that brings the next hidden tab into view, as a desktop tab strip does.
 */
export function ClientTabs({ tabs, activeId, onOpen }: ClientTabsProps) {
  const listRef = useRef<HTMLDivElement>(null)
  const more = useHiddenTabs(listRef, tabs.length)

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
  /** Brings the first tab hidden (wholly or partly) past that edge into view. */
  const showMore = (side: 'start' | 'end') => {
    const list = listRef.current
    if (!list) return
    const shown = list.getBoundingClientRect()
    const row = [...list.querySelectorAll<HTMLElement>('[role="tab"]')]
    const hidden =
      side === 'end'
        ? row.find((tab) => tab.getBoundingClientRect().right > shown.right - 1)
        : row.reverse().find((tab) => tab.getBoundingClientRect().left < shown.left + 1)
    if (hidden) revealInRow(list, hidden)
  }
  return (
    <div className="client-tabs-bar" data-more-start={more.start || undefined} data-more-end={more.end || undefined}>
      {/* For the pointer only: the keyboard moves along the tabs with the arrow keys, and a screen reader hears every tab. */}
      <MoreTabsButton side="start" shown={more.start} onClick={() => showMore('start')} />
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
      <MoreTabsButton side="end" shown={more.end} onClick={() => showMore('end')} />
    </div>
  )
}

function MoreTabsButton({ side, shown, onClick }: { side: 'start' | 'end'; shown: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      className={`client-tabs-more ${side}`}
      tabIndex={-1}
      aria-hidden="true"
      hidden={!shown}
      title={side === 'end' ? 'More tabs' : 'Earlier tabs'}
      onClick={onClick}
    >
      <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.25} strokeLinecap="round" strokeLinejoin="round">
        <path d={side === 'end' ? 'm9 6 6 6-6 6' : 'm15 6-6 6 6 6'} />
      </svg>
    </button>
  )
}

/** Whether tabs lie hidden past the row's start and past its end: followed as it scrolls and as the pane is resized. */
function useHiddenTabs(listRef: RefObject<HTMLDivElement | null>, count: number): { start: boolean; end: boolean } {
  const [more, setMore] = useState({ start: false, end: false })
  const measure = useCallback(() => {
    const list = listRef.current
    if (!list) return
    const start = list.scrollLeft > 1
    const end = list.scrollLeft + list.clientWidth < list.scrollWidth - 1
    setMore((was) => (was.start === start && was.end === end ? was : { start, end }))
  }, [listRef])
  useEffect(() => {
    const list = listRef.current
    if (!list) return
    measure()
    list.addEventListener('scroll', measure, { passive: true })
    const resized = new ResizeObserver(measure)
    resized.observe(list)
    return () => {
      list.removeEventListener('scroll', measure)
      resized.disconnect()
    }
  }, [listRef, measure, count])
  return more
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
