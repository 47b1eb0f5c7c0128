import type { GlobalView } from '@renderer/platform/views'

interface ViewNavProps {
  views: readonly GlobalView[]
  activeId: string | null
  onOpen: (id: string) => void
}

/** The app-wide views (Today, Commitments, Trash…) at the top of the sidebar. */
export function ViewNav({ views, activeId, onOpen }: ViewNavProps) {
  if (views.length === 0) return null
  return (
    <ul className="view-nav" aria-label="Views">
      {views.map((view) => {
        const Icon = view.icon
        return (
          <li key={view.id}>
            <button
              type="button"
              className={`view-nav-item ${view.id === activeId ? 'active' : ''}`}
              aria-current={view.id === activeId ? 'page' : undefined}
              onClick={() => onOpen(view.id)}
            >
              <Icon />
              <span>{view.label}</span>
            </button>
          </li>
        )
      })}
    </ul>
  )
}
