import { posix } from 'node:path'
import { z } from 'zod'
import type { DayOneJournal, DayOnePreview, DayOneReport } from '../../shared/contract/day-one'
import type { TransferProblem } from '../../shared/contract/transfer'
import { MAX_ATTACHMENT_BYTES, attachmentMarkdown, attachmentsFolderOf, storeAttachment } from '../attachments/attachment-store'
import { foldName } from '../find-by-name'
import { newId } from '../ids'
import { cleanTags } from '../relationship/profile'
import { layout } from '../fs/layout'
import type { Vault } from '../vault/vault'
import { undoDayOneEscapes } from './day-one-text'
import type { OpenZip } from './day-one-zip'
import { ZipProblem, openZip } from './day-one-zip'

/**
 * Day One's JSON export: a .zip with one `<Journal name>.json` per journal
 * (`{ metadata, entries: [{ uuid, creationDate, modifiedDate, timeZone, text,
 * tags, starred, photos: [{ identifier, md5, type }], videos, audios,
 * pdfAttachments, location }] }`) and the media by md5 (see `MEDIA`); the text
 * shows a photo as `![](dayone-moment://<identifier>)` and the others as
 * `![](dayone-moment:/video/<identifier>)` and so on. Each journal goes to the
 * client the person picks in the preview (or the unfiled journal); each entry
 * keeps its time in its own time zone, its tags, its media (kept in
 * attachments/) and its Day One id, so importing the same export again skips
 * what is there.
 */

/** A journal's JSON is read whole to be parsed: no journal of text comes near this. */
const MAX_JOURNAL_JSON_BYTES = 200 * 1024 * 1024
const MAX_TITLE = 120

const extension = z.string().regex(/^[A-Za-z0-9]{1,10}$/)
const mediaSchema = z.looseObject({
  identifier: z.string().max(200),
  md5: z
    .string()
    .regex(/^[A-Za-z0-9]{1,64}$/)
    .optional(),
  type: extension.optional(),
  /** Audio says its container here, when it says it at all. */
  format: extension.optional()
})
type DayOneMedia = z.infer<typeof mediaSchema>

/**
 * Each kind of media as Day One exports it: the entry's list, the zip's
 * folder, the link's path in the text, the file's extension and what the
 * link says in Rapport. Audio often has no type in the JSON; its files are
 * `.m4a` (AAC), as Day One records them.
 */
const MEDIA = [
  { list: 'photos', folder: 'photos', moment: '', label: 'photo', extension: (m: DayOneMedia) => m.type },
  { list: 'videos', folder: 'videos', moment: 'video/', label: 'video', extension: (m: DayOneMedia) => m.type },
  { list: 'audios', folder: 'audios', moment: 'audio/', label: 'audio', extension: (m: DayOneMedia) => m.format ?? m.type ?? 'm4a' },
  { list: 'pdfAttachments', folder: 'pdfs', moment: 'pdfAttachment/', label: 'PDF', extension: (m: DayOneMedia) => m.type ?? 'pdf' }
] as const
type MediaKind = (typeof MEDIA)[number]
const entrySchema = z.looseObject({
  uuid: z.string().regex(/^[A-Za-z0-9-]{1,100}$/),
  creationDate: z.iso.datetime({ offset: true }),
  modifiedDate: z.iso.datetime({ offset: true }).optional(),
  timeZone: z.string().max(100).optional(),
  text: z
    .string()
    .max(20 * 1024 * 1024)
    .default(''),
  tags: z.array(z.string().max(200)).max(500).optional(),
  starred: z.boolean().optional(),
  photos: z.array(mediaSchema).max(2000).optional(),
  videos: z.array(mediaSchema).max(2000).optional(),
  audios: z.array(mediaSchema).max(2000).optional(),
  pdfAttachments: z.array(mediaSchema).max(2000).optional(),
  location: z
    .looseObject({ placeName: z.string().max(500).optional(), localityName: z.string().max(500).optional(), country: z.string().max(200).optional() })
    .optional()
})
const journalSchema = z.looseObject({ entries: z.array(z.unknown()) })
type DayOneEntry = z.infer<typeof entrySchema>

interface ReadJournal {
  name: string
  entries: DayOneEntry[]
}

/** What the preview shows: each journal, how much it holds, and the client it most likely belongs to. */
export async function previewDayOne(vault: Vault, path: string): Promise<DayOnePreview> {
  const problems: TransferProblem[] = []
  const journals = await withZip(path, problems, async (zip) => readJournals(zip, path, problems))
  // Known by Day One's own id (`dayone-uuid`), whatever of the entry was edited since: its date, its title, its text.
  const known = vault.entries.dayOneIds()
  return {
    path,
    journals: (journals ?? []).map((journal): DayOneJournal => {
      const dates = journal.entries.map((e) => e.creationDate).sort()
      const preview: DayOneJournal = {
        name: journal.name,
        entries: journal.entries.length,
        photos: journal.entries.reduce((n, e) => n + (e.photos?.length ?? 0), 0),
        files: journal.entries.reduce((n, e) => n + MEDIA.reduce((m, kind) => m + (kind.list === 'photos' ? 0 : (e[kind.list]?.length ?? 0)), 0), 0),
        alreadyImported: journal.entries.filter((e) => known.has(e.uuid)).length,
        clientId: suggestClient(vault, journal.name)
      }
      if (dates[0]) preview.first = dates[0]
      if (dates.length > 0) preview.last = dates[dates.length - 1] ?? ''
      return preview
    }),
    problems
  }
}

/** Imports every entry of the journals named in `mapping` into the client given for each (null: the unfiled journal). */
export async function importDayOne(vault: Vault, path: string, mapping: Readonly<Record<string, string | null>>): Promise<DayOneReport> {
  vault.assertWritable()
  const report: DayOneReport = { imported: 0, alreadyImported: 0, photos: 0, files: 0, problems: [] }
  await withZip(path, report.problems, async (zip) => {
    const journals = await readJournals(zip, path, report.problems)
    const known = vault.entries.dayOneIds()
    const adoption = vault.entries.startAdoption()
    try {
      for (const journal of journals) {
        if (!Object.hasOwn(mapping, journal.name)) continue
        const clientId = mapping[journal.name] ?? null
        if (clientId !== null) vault.clients.get(clientId) // an unknown client is refused before anything is written
        const folder = clientId === null ? layout.journalDir : vault.clients.journalOf(clientId)
        for (const entry of journal.entries) {
          if (known.has(entry.uuid)) {
            report.alreadyImported++
            continue
          }
          const body = await bodyWithMedia(vault, zip, entry, { clientId, folder }, report)
          const { title, text } = titleOf(undoDayOneEscapes(body))
          await adoption.adopt({ clientId, folder, original: null, fields: fieldsOf(entry, title), body: text })
          known.add(entry.uuid)
          report.imported++
        }
      }
    } finally {
      for (const { folder, reason } of await adoption.finish()) report.problems.push({ path: folder, reason })
    }
  })
  return report
}

async function withZip<T>(path: string, problems: TransferProblem[], use: (zip: OpenZip) => Promise<T>): Promise<T | null> {
  let zip: OpenZip
  try {
    zip = await openZip(path)
  } catch (error) {
    problems.push({
      path,
      reason: error instanceof ZipProblem ? `${error.message}; nothing was imported` : `it could not be read (${(error as Error).message})`
    })
    return null
  }
  try {
    return await use(zip)
  } catch (error) {
    if (!(error instanceof ZipProblem)) throw error
    problems.push({ path, reason: `${error.message}; nothing more was imported` })
    return null
  } finally {
    zip.close()
  }
}

/** Every `<name>.json` at the top of the zip that holds a Day One journal. */
async function readJournals(zip: OpenZip, path: string, problems: TransferProblem[]): Promise<ReadJournal[]> {
  const journals: ReadJournal[] = []
  for (const [name, file] of [...zip.files].sort(([a], [b]) => a.localeCompare(b))) {
    if (name.includes('/') || !/\.json$/i.test(name)) continue
    const where = `${path} › ${name}`
    let data: unknown
    try {
      data = JSON.parse((await zip.read(file, MAX_JOURNAL_JSON_BYTES)).toString('utf8'))
    } catch (error) {
      if (error instanceof ZipProblem) throw error
      problems.push({ path: where, reason: `it is not valid JSON (${(error as Error).message}); its entries were not imported` })
      continue
    }
    const journal = journalSchema.safeParse(data)
    if (!journal.success) {
      problems.push({ path: where, reason: 'it is not a Day One journal (it has no "entries" list)' })
      continue
    }
    const entries: DayOneEntry[] = []
    for (const [index, raw] of journal.data.entries.entries()) {
      const entry = entrySchema.safeParse(raw)
      if (entry.success) entries.push(entry.data)
      else
        problems.push({
          path: where,
          reason: `entry ${index + 1} was not imported: ${entry.error.issues[0]?.path.join('.') ?? ''} ${entry.error.issues[0]?.message ?? ''}`.trim()
        })
    }
    journals.push({ name: name.replace(/\.json$/i, ''), entries })
  }
  if (journals.length === 0 && problems.length === 0)
    problems.push({ path, reason: 'it holds no Day One journal (no .json file at its top); is it Day One’s "JSON" export?' })
  return journals
}

/** The media the text shows (and those it does not) kept in the client's attachments/, linked in the text. */
async function bodyWithMedia(
  vault: Vault,
  zip: OpenZip,
  entry: DayOneEntry,
  place: { clientId: string | null; folder: string },
  report: DayOneReport
): Promise<string> {
  let text = entry.text
  if (MEDIA.every((kind) => (entry[kind.list]?.length ?? 0) === 0)) return text
  const attachments = attachmentsFolderOf(vault, place.clientId)
  const entryPath = posix.join(place.folder, 'entry.md')
  const linkFor = async (kind: MediaKind, media: DayOneMedia): Promise<string | null> => {
    const type = kind.extension(media)
    const inZip = media.md5 && type ? `${kind.folder}/${media.md5}.${type}` : undefined
    const file = inZip ? zip.files.get(inZip) : undefined
    if (!file) {
      report.problems.push({
        path: inZip ?? `${kind.folder}/${media.md5 ?? media.identifier}`,
        reason: `a ${kind.label} of the entry of ${entry.creationDate} is not in the zip; the entry was imported without it`
      })
      return null
    }
    try {
      const bytes = await zip.read(file, MAX_ATTACHMENT_BYTES)
      const name = `${kind.label.toLowerCase()}-${entry.creationDate.slice(0, 10)}.${type}`
      const stored = await storeAttachment(vault, attachments, name, bytes)
      if (kind.list === 'photos') report.photos++
      else report.files++
      return attachmentMarkdown(entryPath, stored, kind.list === 'photos' ? 'photo' : stored.name)
    } catch (error) {
      if (error instanceof ZipProblem) throw error
      report.problems.push({ path: inZip ?? kind.folder, reason: `${(error as Error).message} The entry was imported without it.` })
      return null
    }
  }
  const unshown: Array<[MediaKind, DayOneMedia]> = []
  for (const kind of MEDIA) {
    for (const media of entry[kind.list] ?? []) {
      // Day One writes `dayone-moment://ID` for a photo and `dayone-moment:/video/ID` for the rest (some versions with two slashes).
      const shown = new RegExp(`!\\[[^\\]\\n]*\\]\\(dayone-moment:/+${escapeRegExp(kind.moment)}${escapeRegExp(media.identifier)}\\)`, 'g')
      if (!shown.test(text)) {
        unshown.push([kind, media])
        continue
      }
      const link = await linkFor(kind, media)
      if (link) text = text.replace(shown, () => link)
    }
  }
  for (const [kind, media] of unshown) {
    const link = await linkFor(kind, media)
    if (link) text = `${text.replace(/\s*$/, '')}\n\n${link}\n`
  }
  return text
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The title: a first `# heading` (taken out of the text), else the first line's words. */
function titleOf(markdown: string): { title: string; text: string } {
  const heading = /^\s*#{1,6}[ \t]+(.+?)[ \t#]*(?:\r?\n|$)/.exec(markdown)
  if (heading?.[1]) return { title: clip(plain(heading[1])), text: markdown.slice(heading[0].length).replace(/^(?:[ \t]*\r?\n)+/, '') }
  const first = markdown.split('\n').find((line) => line.trim() !== '' && !line.includes('](')) ?? ''
  return { title: clip(plain(first)), text: markdown }
}

const plain = (line: string): string =>
  line
    .replace(/[*_`~]/g, '')
    .replace(/\\(.)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
const clip = (text: string): string => (text.length > MAX_TITLE ? `${text.slice(0, MAX_TITLE - 1).trimEnd()}…` : text)

function fieldsOf(entry: DayOneEntry, title: string): Record<string, unknown> & { id: string; title: string; created: string } {
  const zone = entry.timeZone && isTimeZone(entry.timeZone) ? entry.timeZone : null
  const created = inZone(entry.creationDate, zone)
  const fields: Record<string, unknown> & { id: string; title: string; created: string } = {
    id: newId('e'),
    title,
    created,
    updated: entry.modifiedDate ? inZone(entry.modifiedDate, zone) : created,
    tags: cleanTags(entry.tags ?? []),
    'dayone-uuid': entry.uuid
  }
  if (zone) fields['time-zone'] = zone
  if (entry.starred) fields.starred = true
  const place = [entry.location?.placeName, entry.location?.localityName, entry.location?.country].filter(
    (p): p is string => typeof p === 'string' && p.trim() !== ''
  )
  if (place.length > 0) fields.location = place.join(', ')
  return fields
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** `2026-11-20T09:15:00Z` in Europe/Berlin → `2026-11-20T10:15:00+01:00`: the time as the person lived it, and the same instant. */
export function inZone(iso: string, zone: string | null): string {
  const date = new Date(iso)
  if (zone === null || Number.isNaN(date.getTime())) return iso
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23'
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value])
  )
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second))
  const offsetMinutes = Math.round((local - Math.floor(date.getTime() / 1000) * 1000) / 60000)
  const sign = offsetMinutes < 0 ? '-' : '+'
  const abs = Math.abs(offsetMinutes)
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`
}

function suggestClient(vault: Vault, journal: string): string | null {
  const wanted = foldName(journal)
  const match = vault.clients.list().filter((c) => c.data && foldName(c.data.name) === wanted)
  return match.length === 1 ? (match[0]?.id ?? null) : null
}
