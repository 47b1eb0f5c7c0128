import { useEffect, useRef } from 'react'
import { parseMentionHref } from '@shared/mentions'
import { call, errorMessage } from '@renderer/platform/api'
import type { ViewContext } from '@renderer/platform/views'
import { onRapportLink, wantPerson } from './open-link'

/** Opens what a clicked `rapport:` link names: an entry in the journal, a client or a person on the People tab. */
export function MentionNavigator({ context }: { context: ViewContext }) {
  const latest = useRef(context)
  latest.current = context
  useEffect(
    () =>
      onRapportLink((href) => {
        const target = parseMentionHref(href)
        if (!target) return latest.current.notify('That link does not name a person, client or entry Rapport knows how to open.')
        void call('mentions:resolve', target).then(
          (resolved) => {
            const ctx = latest.current
            if (resolved.name === null) return ctx.notify(`That ${target.kind} is no longer in this vault (${target.id}).`)
            if (target.kind === 'entry') return ctx.openEntry(resolved.clientId, target.id)
            if (!resolved.clientId) return
            wantPerson(target.kind === 'person' ? target.id : null)
            ctx.openClient(resolved.clientId, 'people')
          },
          (error: unknown) => latest.current.notify(errorMessage(error))
        )
      }),
    []
  )
  return null
}
