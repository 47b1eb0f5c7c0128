import './app.css'

/** An error from an action that has no form of its own to show it in (creating an entry, say). */
export function AppAlert({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  return (
    <div role="alert" className="app-alert">
      <span>{message}</span>
      <button type="button" className="button subtle small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  )
}
