import type { ClientTab } from './views'

interface ClientTabsProps {
  tabs: readonly ClientTab[]
  activeId: string
  onOpen: (id: string) => void
}

/** "Journal" and the client's other tabs (profile, timeline, brief…), as a tab list a keyboard can move through. */
export function ClientTabs({ tabs, activeId, onOpen }: ClientTabsProps) {
  if (tabs.length === 0) return null
  const all = [{ id: 'journal', label: 'Journal' }, ...tabs]
  const move = (from: number, step: number) => {
    const next = all[(from + step + all.length) % all.length]
    if (!next) return
    onOpen(next.id)
    requestAnimationFrame(() => document.getElementById(`client-tab-${next.id}`)?.focus())
  }
  return (
    <div className="client-tabs" role="tablist" aria-label="Client">
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
            if (event.key === 'ArrowRight') move(index, 1)
            else if (event.key === 'ArrowLeft') move(index, -1)
          }}
        >
          {tab.label}
        </button>
      ))}
    </div>
  )
}
