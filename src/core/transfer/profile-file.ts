import type { ClientFile } from '../../shared/domain'
import { clientFileSchema } from '../../shared/domain'
import { serializeEntryFile } from '../entries/entry-file'

/**
 * The front matter of an exported `profile.md` (or dossier) is the client's
 * whole client.json under a `rapport:` marker, so an import can bring the
 * client back as it was — profile, history, commitments, people — while the
 * body stays a page for people. Without front matter it is only that page.
 */
export const PROFILE_MARK = 'client-profile'
export const DOSSIER_MARK = 'client-dossier'
type Mark = typeof PROFILE_MARK | typeof DOSSIER_MARK

/**
 * `rapport-anchors: {<person id>: <anchor>}` beside client.json in the front
 * matter: which heading of the page is which person, so an import can turn a
 * link to `profile.md#priya-raman` back into that person's mention. It is
 * kept apart from client.json (and taken out again on import) because it
 * describes this page, not the client; the ids themselves are client.json's.
 */
export const ANCHORS_FIELD = 'rapport-anchors'

export function withClientFrontMatter(client: ClientFile, body: string, mark: Mark, anchors: ReadonlyMap<string, string> = new Map()): string {
  // After client.json, so the file still opens `rapport:`, `format:`, `id:`, as before.
  const pageFields = anchors.size ? { [ANCHORS_FIELD]: Object.fromEntries(anchors) } : {}
  return serializeEntryFile(null, { rapport: mark, ...client, ...pageFields }, body)
}

/** Person id by anchor, from an exported profile's front matter (empty when it has none, or it was edited into something else). */
export function personAnchors(fields: Readonly<Record<string, unknown>>): Map<string, string> {
  const written = fields[ANCHORS_FIELD]
  const byAnchor = new Map<string, string>()
  if (typeof written !== 'object' || written === null || Array.isArray(written)) return byAnchor
  for (const [id, anchor] of Object.entries(written)) if (typeof anchor === 'string' && !byAnchor.has(anchor)) byAnchor.set(anchor, id)
  return byAnchor
}

/** What the front matter of a Markdown file says it is, when Rapport wrote it as a client page. */
export function clientPageKind(fields: Readonly<Record<string, unknown>>): Mark | null {
  return fields.rapport === PROFILE_MARK || fields.rapport === DOSSIER_MARK ? fields.rapport : null
}

/** The client.json kept in a profile's front matter; null when it is not a readable client file (then only its name is used). */
export function clientFromProfile(fields: Readonly<Record<string, unknown>>): ClientFile | null {
  const { rapport: _mark, [ANCHORS_FIELD]: _anchors, ...client } = fields
  const checked = clientFileSchema.safeParse(client)
  return checked.success ? (client as ClientFile) : null
}
