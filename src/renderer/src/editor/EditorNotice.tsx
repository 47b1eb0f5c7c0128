import { useEffect, useState } from 'react'

export type Notice = { kind: 'status' | 'alert'; text: string }

/** A line above the entry: news (gone after ten seconds) or an error (until dismissed). */
export function useEditorNotice(): [Notice | null, (notice: Notice | null) => void] {
  const [notice, setNotice] = useState<Notice | null>(null)
  useEffect(() => {
    if (notice?.kind !== 'status') return
    const timer = setTimeout(() => setNotice(null), 10_000)
    return () => clearTimeout(timer)
  }, [notice])
  return [notice, setNotice]
}

export function EditorNotice({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  return (
    <div className={`editor-notice ${notice.kind}`} role={notice.kind}>
      <span>{notice.text}</span>
      <button type="button" className="button subtle small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  )
}
