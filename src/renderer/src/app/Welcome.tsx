import { BookIcon, PlusIcon } from '@renderer/platform/ui/icons'
import './app.css'

interface WelcomeProps {
  vaultRoot: string
  canCreate: boolean
  onAddClient: () => void
}

export function Welcome({ vaultRoot, canCreate, onAddClient }: WelcomeProps) {
  return (
    <main className="welcome" aria-labelledby="welcome-title">
      <div className="welcome-card">
        <div className="welcome-mark">
          <BookIcon />
        </div>
        <h1 id="welcome-title">Welcome to Rapport</h1>
        <p>A private journal for your client relationships: what was said, what was promised, and how each person likes to work.</p>
        <p>
          Everything stays on this computer as plain Markdown files in <code className="vault-path">{vaultRoot}</code>, so you can read, back up or sync them
          with any tool you like.
        </p>
        <p>Start by adding your first client.</p>
        <button type="button" className="button primary large" onClick={onAddClient} disabled={!canCreate}>
          <PlusIcon />
          <span>Add your first client</span>
        </button>
      </div>
    </main>
  )
}
