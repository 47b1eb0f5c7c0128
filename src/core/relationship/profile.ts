import type { ProfilePatch } from '../../shared/contract/relationship'
import type { Stage, TrustLevel } from '../../shared/domain'
import type { StoredClient } from './stored-client'

type Fields = Record<string, unknown>

/**
 * Sets (a value), removes (`null`) or leaves alone (`undefined`) each field,
 * in place: a field already in the file keeps its place, a new one goes last,
 * and fields the patch does not name — known or not — are not touched.
 */
function applyFields(target: Fields, patch: Readonly<Fields>): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue
    if (value === null) delete target[key]
    else target[key] = value
  }
}

/** Patches one section (`contact`, `style`…), creating it only when something is put in it. */
function patchSection(file: Fields, key: 'contact' | 'style' | 'person' | 'business', patch: Readonly<Fields> | undefined): void {
  if (!patch) return
  const existing = file[key]
  if (typeof existing === 'object' && existing !== null && !Array.isArray(existing)) return applyFields(existing as Fields, patch)
  const created: Fields = {}
  applyFields(created, patch)
  if (Object.keys(created).length > 0) file[key] = created
}

/** Tags as a person means them: trimmed, no empty ones, each once (ignoring case), in the order given. */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>()
  const result: string[] = []
  for (const tag of tags.map((t) => t.trim())) {
    const key = tag.toLocaleLowerCase()
    if (tag && !seen.has(key)) {
      seen.add(key)
      result.push(tag)
    }
  }
  return result
}

/** Applies a validated profile patch to client.json as it is on disk, keeping everything it does not name. */
export function applyProfilePatch(client: StoredClient, patch: ProfilePatch): void {
  const file: Fields = client
  applyFields(file, { organisation: patch.organisation, role: patch.role })
  patchSection(file, 'contact', patch.contact)
  patchSection(file, 'style', patch.style)
  patchSection(file, 'person', patch.person)
  patchSection(file, 'business', patch.business)
  if (patch.tags !== undefined) client.tags = cleanTags(patch.tags ?? [])
  applyFields(file, { followUp: patch.followUp })
}

const historyItem = <K extends string, V extends string>(key: K, value: V, note: string | undefined, now: Date) => {
  const item = { [key]: value, at: now.toISOString() } as { [P in K]: V } & { at: string; note?: string }
  if (note?.trim()) item.note = note.trim()
  return item
}

/** Moves the relationship to `stage`, recording when and why in its history. False (nothing to write) when it is there already. */
export function setStage(client: StoredClient, stage: Stage, note: string | undefined, now: Date): boolean {
  if (client.stage?.current === stage) return false
  const item = historyItem('stage', stage, note, now)
  if (!client.stage) client.stage = { current: stage, history: [item] }
  else {
    client.stage.current = stage
    ;(client.stage.history ??= []).push(item)
  }
  return true
}

/** Moves trust to `trust`, recording when and why in its history. False (nothing to write) when it is there already. */
export function setTrust(client: StoredClient, trust: TrustLevel, note: string | undefined, now: Date): boolean {
  if (client.trust?.current === trust) return false
  const item = historyItem('trust', trust, note, now)
  if (!client.trust) client.trust = { current: trust, history: [item] }
  else {
    client.trust.current = trust
    ;(client.trust.history ??= []).push(item)
  }
  return true
}
