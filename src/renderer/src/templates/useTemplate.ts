import { useEffect, useState } from 'react'
import type { Template } from '@shared/contract/templates'
import { call } from '@renderer/platform/api'

/**
 * The template an entry was started from, or null while reading, when it has
 * none, or when it is gone or broken: the entry then works as a plain one.
 */
export function useTemplate(templateId: string | undefined): Template | null {
  const [template, setTemplate] = useState<Template | null>(null)
  useEffect(() => {
    setTemplate(null)
    if (!templateId) return
    let cancelled = false
    call('templates:get', { id: templateId }).then(
      (found) => !cancelled && setTemplate(found.problem ? null : found),
      () => undefined
    )
    return () => {
      cancelled = true
    }
  }, [templateId])
  return template
}
