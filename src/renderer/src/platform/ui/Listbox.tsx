import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual'
import type { Range } from '@tanstack/react-virtual'
import { useCallback, useId, useImperativeHandle, useLayoutEffect, useRef, useState } from 'react'
import type { KeyboardEvent, MouseEvent, ReactNode, Ref } from 'react'
import './ui.css'

export interface ListboxHandle {
  /** Moves focus to the active option; false when the list is empty. */
  focus(): boolean
}

interface ListboxProps<T> {
  label: string
  items: readonly T[]
  getId: (item: T) => string
  /**
   * The option's accessible name, when it should be shorter than everything
   * the option shows (the rest becomes its description). Without it the name
   * is the option's text.
   */
  getLabel?: (item: T) => string
  selectedId: string | null
  onSelect: (item: T) => void
  renderOption: (item: T, state: { selected: boolean; descriptionId: string }) => ReactNode
  onContextMenu?: (item: T, event: MouseEvent) => void
  /** A first guess at an option's height in pixels, for lists long enough to be virtualised; each row is measured once shown. */
  estimateHeight?: number
  className?: string
  ref?: Ref<ListboxHandle>
}

/**
 * Above this many options only the rows in view (and the active and selected
 * ones) are in the DOM: a list of 10,000 entries then costs what 30 do.
 * Shorter lists render every option, which screen readers browse best.
 */
export const VIRTUAL_FROM = 150

/** Pixels between rows, kept by the virtualiser (absolutely placed rows ignore margins). */
const ROW_GAP = 2

/** The nearest ancestor that scrolls: the pane the list sits in. */
function scrollParentOf(element: HTMLElement | null): HTMLElement | null {
  for (let node = element?.parentElement ?? null; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node)
    if (overflowY === 'auto' || overflowY === 'scroll') return node
  }
  return null
}

/** Whether `now` is `before` with some options gone or added (not another list: another client's entries). */
function isSameList(before: readonly string[], now: readonly string[]): boolean {
  const earlier = new Set(before)
  return now.some((id) => earlier.has(id))
}

/**
 * A single-select listbox with a roving tabindex: the list is one Tab stop,
 * arrow keys move between options, Enter, Space or a click chooses one.
 * Moving does not choose, so walking a long list does not open every item.
 * Long lists are virtualised inside the pane that scrolls them.
 */
export function Listbox<T>(props: ListboxProps<T>) {
  const { label, items, getId, getLabel, selectedId, onSelect, renderOption, onContextMenu, className, ref } = props
  const baseId = useId()
  const [activeId, setActiveId] = useState<string | null>(null)
  const optionRefs = useRef(new Map<string, HTMLLIElement>())
  const listRef = useRef<HTMLUListElement>(null)
  // An option to focus once it is rendered (a keyboard move into rows not yet in the DOM).
  const pendingFocus = useRef<string | null>(null)

  const ids = items.map(getId)
  // The option that was active, and where: when it leaves the same list (trashed, moved), the option now in its
  // place is next in line (not the first), so a keyboard walk through the list goes on from there.
  const lastActive = useRef<{ id: string; index: number; ids: readonly string[] } | null>(null)
  const left = lastActive.current
  const inPlaceOfLeft = left && !ids.includes(left.id) && isSameList(left.ids, ids) ? (ids[Math.min(left.index, ids.length - 1)] ?? null) : null
  const effectiveActive =
    activeId !== null && ids.includes(activeId)
      ? activeId
      : (inPlaceOfLeft ?? (selectedId !== null && ids.includes(selectedId) ? selectedId : (ids[0] ?? null)))
  const activeIndex = effectiveActive === null ? -1 : ids.indexOf(effectiveActive)
  lastActive.current = effectiveActive === null ? null : { id: effectiveActive, index: activeIndex, ids }
  // Whether focus is on one of the options (a removed option takes focus with it without a blur to say so).
  const hasFocus = useRef(false)
  const selectedIndex = selectedId === null ? -1 : ids.indexOf(selectedId)

  const virtual = items.length >= VIRTUAL_FROM
  const [scrollMargin, setScrollMargin] = useState(0)
  // The active and selected rows always stay rendered: the list keeps its Tab stop, and focus never falls out of the DOM.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = new Set(defaultRangeExtractor(range))
      if (activeIndex >= 0) indexes.add(activeIndex)
      if (selectedIndex >= 0) indexes.add(selectedIndex)
      return [...indexes].sort((a, b) => a - b)
    },
    [activeIndex, selectedIndex]
  )
  const virtualizer = useVirtualizer({
    count: virtual ? items.length : 0,
    getScrollElement: () => scrollParentOf(listRef.current),
    estimateSize: () => props.estimateHeight ?? 48,
    getItemKey: (index) => ids[index] ?? index,
    overscan: 8,
    gap: ROW_GAP,
    scrollMargin,
    rangeExtractor
  })

  // Where the list starts inside its scrolling pane (after a toolbar, a notice…), so rows line up with the scroll position.
  // oxlint-disable-next-line react-hooks/exhaustive-deps -- measured after every render; it sets state only when the margin moved, so it settles.
  useLayoutEffect(() => {
    if (!virtual) return
    const list = listRef.current
    const scroller = scrollParentOf(list)
    if (!list || !scroller) return
    const margin = list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop
    if (Math.abs(margin - scrollMargin) > 0.5) setScrollMargin(margin)
  })

  // The focused option left the list: focus goes to the one now in its place, not to <body>.
  useLayoutEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body
    const gone = activeId !== null && !ids.includes(activeId)
    if (!hasFocus.current || !lost || !gone || effectiveActive === null) return
    if (activeId !== effectiveActive) setActiveId(effectiveActive)
    pendingFocus.current = effectiveActive
  }, [activeId, effectiveActive, ids])

  useLayoutEffect(() => {
    const id = pendingFocus.current
    if (id === null) return
    const element = optionRefs.current.get(id)
    if (!element) return
    pendingFocus.current = null
    element.focus({ preventScroll: virtual })
    if (!virtual) element.scrollIntoView({ block: 'nearest' })
  })

  const focusOption = (id: string | null | undefined): boolean => {
    if (id === null || id === undefined) return false
    setActiveId(id)
    if (virtual) virtualizer.scrollToIndex(ids.indexOf(id), { align: 'auto' })
    const element = optionRefs.current.get(id)
    if (element) {
      element.focus({ preventScroll: virtual })
      if (!virtual) element.scrollIntoView({ block: 'nearest' })
    } else {
      pendingFocus.current = id
    }
    return ids.includes(id)
  }

  useImperativeHandle(ref, () => ({ focus: () => focusOption(effectiveActive) }))

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const index = activeIndex
    // A page is what fits in the pane; without a measure (short lists), ten rows.
    const page = Math.max(1, virtual ? virtualizer.getVirtualItems().length - 2 * 8 : 10)
    let next: string | undefined
    switch (event.key) {
      case 'ArrowDown':
        next = ids[Math.min(index + 1, ids.length - 1)]
        break
      case 'ArrowUp':
        next = ids[Math.max(index - 1, 0)]
        break
      case 'PageDown':
        next = ids[Math.min(index + page, ids.length - 1)]
        break
      case 'PageUp':
        next = ids[Math.max(index - page, 0)]
        break
      case 'Home':
        next = ids[0]
        break
      case 'End':
        next = ids[ids.length - 1]
        break
      case 'Enter':
      case ' ': {
        const item = items[index]
        if (item !== undefined) {
          event.preventDefault()
          onSelect(item)
        }
        return
      }
      default:
        return
    }
    event.preventDefault()
    focusOption(next)
  }

  const renderRow = (item: T, index: number, place?: { start: number }) => {
    const id = getId(item)
    const selected = id === selectedId
    const descriptionId = `${baseId}-${id}-description`
    return (
      <li
        key={id}
        ref={(element) => {
          if (element) optionRefs.current.set(id, element)
          else optionRefs.current.delete(id)
          if (place && element) virtualizer.measureElement(element)
        }}
        data-index={index}
        role="option"
        aria-selected={selected}
        aria-label={getLabel?.(item)}
        aria-describedby={getLabel ? descriptionId : undefined}
        // In a virtual list the DOM holds a few rows: say where this one stands in the whole.
        aria-setsize={place ? items.length : undefined}
        aria-posinset={place ? index + 1 : undefined}
        tabIndex={id === effectiveActive ? 0 : -1}
        className="listbox-option"
        style={place ? { transform: `translateY(${place.start - scrollMargin}px)` } : undefined}
        onFocus={() => setActiveId(id)}
        onClick={() => onSelect(item)}
        onContextMenu={onContextMenu ? (event) => onContextMenu(item, event) : undefined}
      >
        {renderOption(item, { selected, descriptionId })}
      </li>
    )
  }

  return (
    <ul
      ref={listRef}
      role="listbox"
      aria-label={label}
      className={`listbox ${virtual ? 'virtual' : ''} ${className ?? ''}`}
      style={virtual ? { height: virtualizer.getTotalSize() } : undefined}
      onKeyDown={onKeyDown}
      onFocus={() => (hasFocus.current = true)}
      onBlur={(event) => {
        // Focus moving elsewhere in the window; not a window losing focus, nor an option removed under it (no target).
        if (event.relatedTarget !== null && !event.currentTarget.contains(event.relatedTarget)) hasFocus.current = false
      }}
    >
      {virtual
        ? virtualizer.getVirtualItems().map((row) => {
            const item = items[row.index]
            return item === undefined ? null : renderRow(item, row.index, { start: row.start })
          })
        : items.map((item, index) => renderRow(item, index))}
    </ul>
  )
}
