import { useId, useImperativeHandle, useRef, useState } from 'react'
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
  className?: string
  ref?: Ref<ListboxHandle>
}

/**
 * A single-select listbox with a roving tabindex: the list is one Tab stop,
 * arrow keys move between options, Enter, Space or a click chooses one.
 * Moving does not choose, so walking a long list does not open every item.
 */
export function Listbox<T>(props: ListboxProps<T>) {
  const { label, items, getId, getLabel, selectedId, onSelect, renderOption, onContextMenu, className, ref } = props
  const baseId = useId()
  const [activeId, setActiveId] = useState<string | null>(null)
  const optionRefs = useRef(new Map<string, HTMLLIElement>())

  const ids = items.map(getId)
  const effectiveActive =
    activeId !== null && ids.includes(activeId) ? activeId : selectedId !== null && ids.includes(selectedId) ? selectedId : (ids[0] ?? null)

  const focusOption = (id: string | null | undefined): boolean => {
    if (id === null || id === undefined) return false
    setActiveId(id)
    const element = optionRefs.current.get(id)
    element?.focus()
    element?.scrollIntoView({ block: 'nearest' })
    return Boolean(element)
  }

  useImperativeHandle(ref, () => ({ focus: () => focusOption(effectiveActive) }))

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const index = effectiveActive === null ? -1 : ids.indexOf(effectiveActive)
    let next: string | undefined
    switch (event.key) {
      case 'ArrowDown':
        next = ids[Math.min(index + 1, ids.length - 1)]
        break
      case 'ArrowUp':
        next = ids[Math.max(index - 1, 0)]
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

  return (
    <ul role="listbox" aria-label={label} className={`listbox ${className ?? ''}`} onKeyDown={onKeyDown}>
      {items.map((item) => {
        const id = getId(item)
        const selected = id === selectedId
        const descriptionId = `${baseId}-${id}-description`
        return (
          <li
            key={id}
            ref={(element) => {
              if (element) optionRefs.current.set(id, element)
              else optionRefs.current.delete(id)
            }}
            role="option"
            aria-selected={selected}
            aria-label={getLabel?.(item)}
            aria-describedby={getLabel ? descriptionId : undefined}
            tabIndex={id === effectiveActive ? 0 : -1}
            className="listbox-option"
            onFocus={() => setActiveId(id)}
            onClick={() => onSelect(item)}
            onContextMenu={onContextMenu ? (event) => onContextMenu(item, event) : undefined}
          >
            {renderOption(item, { selected, descriptionId })}
          </li>
        )
      })}
    </ul>
  )
}
