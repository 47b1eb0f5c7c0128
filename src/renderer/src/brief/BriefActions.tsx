import { useState } from 'react'
import { call, errorMessage } from '@renderer/platform/api'

type Status = { kind: 'working' | 'done'; text: string } | { kind: 'error'; text: string } | null

/**
 * Print, Save as PDF, Copy, Export. The clipboard, the PDF and the save
 * dialog are the shell's (through the core): the renderer's own clipboard
 * and file APIs are denied. Each says what it did.
 */
export function BriefActions({ clientId }: { clientId: string }) {
  const [status, setStatus] = useState<Status>(null)
  const busy = status?.kind === 'working'

  const run = async (working: string, action: () => Promise<string | null>) => {
    setStatus({ kind: 'working', text: working })
    try {
      const done = await action()
      setStatus(done === null ? null : { kind: 'done', text: done })
    } catch (error) {
      setStatus({ kind: 'error', text: errorMessage(error) })
    }
  }
  const saved = (result: { path: string } | null) => (result ? `Saved to ${result.path}` : null)

  return (
    <div className="brief-actions" role="toolbar" aria-label="Brief">
      <button type="button" className="button small" disabled={busy} onClick={() => window.print()}>
        Print…
      </button>
      <button
        type="button"
        className="button small"
        disabled={busy}
        onClick={() => void run('Saving PDF…', async () => saved(await call('brief:save-pdf', { clientId })))}
      >
        Save as PDF…
      </button>
      <button
        type="button"
        className="button small"
        disabled={busy}
        onClick={() =>
          void run('Copying…', async () => {
            await call('brief:copy', { clientId })
            return 'Copied as Markdown'
          })
        }
      >
        Copy
      </button>
      <button
        type="button"
        className="button small"
        disabled={busy}
        onClick={() => void run('Exporting…', async () => saved(await call('brief:export', { clientId })))}
      >
        Export as Markdown…
      </button>
      <p className={`brief-action-status ${status?.kind ?? ''}`} role={status?.kind === 'error' ? 'alert' : 'status'}>
        {status?.text ?? ''}
      </p>
    </div>
  )
}
