import { useEffect, useState } from 'react'
import type { EntryAttachment } from '@shared/contract/attachments'
import { call, errorMessage } from '@renderer/platform/api'
import './entry-images.css'

const size = (bytes: number | undefined): string =>
  bytes === undefined ? '' : bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`

/**
 * The files an entry links that are not shown inline — a PDF, a spreadsheet —
 * and links to files that are missing. A file opens in the system's default
 * app only when the person clicks it; nothing on the page opens one by itself.
 */
export function EntryAttachments({ entryId, refresh }: { entryId: string; refresh: number }) {
  const [items, setItems] = useState<EntryAttachment[]>([])
  const [problem, setProblem] = useState<string | null>(null)
  useEffect(() => {
    let cancelled = false
    call('attachments:list', { entryId }).then(
      (found) => !cancelled && setItems(found.filter((item) => !item.image || !item.present)),
      () => !cancelled && setItems([])
    )
    return () => {
      cancelled = true
    }
  }, [entryId, refresh])
  if (items.length === 0) return null
  const open = async (href: string) => {
    setProblem(null)
    try {
      await call('attachments:open', { entryId, href })
    } catch (error) {
      setProblem(errorMessage(error))
    }
  }
  return (
    <section className="entry-attachments" aria-label="Attachments">
      <h2 className="entry-attachments-heading">Attachments</h2>
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            {item.present ? (
              <button type="button" className="button subtle small" onClick={() => void open(item.href)} title={`Open ${item.name} with its app`}>
                {item.name}
              </button>
            ) : (
              <span className="entry-attachment-missing">{item.name} — not in the vault</span>
            )}
            {item.present && <span className="entry-attachment-size">{size(item.size)}</span>}
          </li>
        ))}
      </ul>
      {problem && (
        <p role="alert" className="entry-attachment-problem">
          {problem}
        </p>
      )}
    </section>
  )
}
