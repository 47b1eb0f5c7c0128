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

export function withClientFrontMatter(client: ClientFile, body: string, mark: Mark): string {
  return serializeEntryFile(null, { rapport: mark, ...client }, body)
}

/** What the front matter of a Markdown file says it is, when Rapport wrote it as a client page. */
export function clientPageKind(fields: Readonly<Record<string, unknown>>): Mark | null {
  return fields.rapport === PROFILE_MARK || fields.rapport === DOSSIER_MARK ? fields.rapport : null
}

/** The client.json kept in a profile's front matter; null when it is not a readable client file (then only its name is used). */
export function clientFromProfile(fields: Readonly<Record<string, unknown>>): ClientFile | null {
  const { rapport: _mark, ...client } = fields
  const checked = clientFileSchema.safeParse(client)
  return checked.success ? (client as ClientFile) : null
}
