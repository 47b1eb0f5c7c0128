import { basename, dirname, join } from 'node:path'
import { exists, readdir, readFile, stat, unlink } from '../fs/vault-files'
import { copyFile } from '../fs/vault-moves'
import { CLIENT_FORMAT, clientFileSchema } from '../../shared/domain'
import { parseEntryFile, serializeEntryFile } from '../entries/entry-file'
import type { EntryFile } from '../entries/entry-file'
import { ensureFolder } from '../fs/ensure-folder'
import { isTempFile, writeFileAtomic } from '../fs/atomic-write'
import { formatJson } from '../fs/durable-json-file'
import { decodeUtf8, decodeWindows1252 } from '../fs/text-encoding'
import { parseSyncConflictName } from '../sync-conflicts'
import { newId } from '../ids'
import { issuesInWords } from '../schema-words'
import { layout, toVaultPath } from '../fs/layout'
import { openManifest } from '../vault/manifest'
import { conflictCopyFinding, gitMarkersFinding } from './sync-leftovers'
import { attachmentChecks } from './attachment-findings'
import { rhythmProblems } from '../relationship/rhythm-problems'
import type { IdClaim } from '../entries/id-claims'
import { claimOf, renameLeftover } from '../entries/id-claims'
import { renameLeftoverFinding } from './rename-leftovers'

/** One thing wrong in the vault; `fix` says what `rapport doctor --fix` would do, when it can be done safely. */
export interface Finding {
  path: string
  reason: string
  fix?: string
  /** For git's conflict markers: each conflicting stretch, this computer's side and the side pulled in. */
  sides?: Array<{ mine: string; theirs: string }>
}

export interface DoctorReport {
  root: string
  findings: Finding[]
  /** What --fix did, one line per file. */
  fixed: Array<{ path: string; action: string }>
  /** Where copies of changed files were kept. */
  backup?: string
}

/** A finding with the repair doctor would make, when one can be made without guessing. */
export interface Check extends Finding {
  repair?: () => Promise<string>
}

const STALE_TEMP_MS = 60_000

/**
 * Reads every file of the vault and says what is wrong with each, in plain
 * words. With `fix`, it repairs what can be repaired without guessing at the
 * user's meaning — after copying each file it changes into
 * `.rapport/doctor/<time>/` — and leaves the rest for a person.
 */
export async function runDoctor(root: string, options: { fix?: boolean; now?: Date } = {}): Promise<DoctorReport> {
  const now = options.now ?? new Date()
  const checks = await examineVault(root, now)
  const report: DoctorReport = { root, findings: checks.map(withoutRepair), fixed: [] }
  if (!options.fix) return report

  Object.assign(report, await repairWithCopies(root, checks, now))
  report.findings = (await examineVault(root, now)).map(withoutRepair)
  return report
}

export const withoutRepair = ({ repair: _repair, ...finding }: Check): Finding => finding

/**
 * Makes the repairs of `checks`, each after copying the file it changes into
 * one new folder `.rapport/doctor/<time>/` (never one used before, so a
 * second repair in the same second cannot write over the first's copies).
 * The one place the copy-before-change rule lives: the CLI and the app both repair through it.
 */
export async function repairWithCopies(root: string, checks: readonly Check[], now: Date): Promise<Pick<DoctorReport, 'fixed' | 'backup'>> {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')
  let backup = toVaultPath(layout.appDir, 'doctor', stamp)
  for (let n = 2; exists(join(root, backup)); n++) backup = toVaultPath(layout.appDir, 'doctor', `${stamp}-${n}`)
  const done: Pick<DoctorReport, 'fixed' | 'backup'> = { fixed: [] }
  for (const check of checks) {
    if (!check.repair) continue
    if (exists(join(root, check.path)) && (await stat(join(root, check.path))).isFile()) {
      await ensureFolder(join(root, backup, dirname(check.path)))
      await copyFile(join(root, check.path), join(root, backup, check.path))
      done.backup = backup
    }
    done.fixed.push({ path: check.path, action: await check.repair() })
  }
  return done
}

/** Every finding in the vault, each with its repair when one is safe. */
export async function examineVault(root: string, now: Date): Promise<Check[]> {
  const checks: Check[] = []
  if (!exists(join(root, layout.manifest))) {
    return [
      {
        path: layout.manifest,
        reason: 'this folder is not a Rapport vault yet (it has no rapport.json)',
        fix: 'make it one',
        repair: async () => (await openManifest(root), 'created rapport.json')
      }
    ]
  }
  const manifest = await openManifest(root)
  if (manifest.kind === 'broken') checks.push({ path: layout.manifest, reason: manifest.reason })
  if (manifest.kind === 'newer')
    checks.push({ path: layout.manifest, reason: `written by a newer Rapport (format ${manifest.manifest.format}); open it with that version` })

  const seenIds = new Map<string, string>()
  const owners = new Map<string, Owner>()
  const journals: string[] = [layout.journalDir]
  const clientsDir = join(root, layout.clientsDir)
  for (const folder of exists(clientsDir) ? await readdir(clientsDir, { withFileTypes: true }) : []) {
    if (!folder.isDirectory() || folder.name.startsWith('.')) continue
    const base = toVaultPath(layout.clientsDir, folder.name)
    journals.push(toVaultPath(base, layout.journalDir))
    checks.push(...(await examineClient(root, base, folder.name, seenIds, owners)))
    checks.push(...(await examineFolder(root, base, now, false)))
  }
  checks.push(...(await examineFolder(root, '.', now, false)))
  const entryIds = new Map<string, IdClaim>()
  for (const journal of journals) {
    // Whose journal it is: none for the vault's own, unknown while the client's file cannot say.
    const owner = journal === layout.journalDir ? null : (owners.get(dirname(journal)) ?? 'unknown')
    checks.push(...(await examineFolder(root, journal, now, true, { entryIds, clientIds: seenIds, owner })))
  }
  checks.push(...(await attachmentChecks(root, journals, now)))
  return checks
}

/** The client whose folder a journal is in, as its client.json says. */
interface Owner {
  id: string
  name: string
}

/** What an entry is checked against: the ids seen so far, every client's id, and the client whose journal it is in. */
interface Filing {
  entryIds: Map<string, IdClaim>
  clientIds: ReadonlyMap<string, string>
  owner: Owner | 'unknown' | null
}

async function examineClient(root: string, base: string, slug: string, seenIds: Map<string, string>, owners: Map<string, Owner>): Promise<Check[]> {
  const path = toVaultPath(base, layout.clientFile)
  const absolute = join(root, path)
  const writeClient = async (data: Record<string, unknown>): Promise<void> => writeFileAtomic(absolute, formatJson(data))
  if (!exists(absolute)) {
    return [
      {
        path,
        reason: 'the client folder has no client.json',
        fix: `create one named "${slug}"`,
        repair: async () => {
          await writeClient({ format: CLIENT_FORMAT, id: newId('c'), name: slug, commitments: [], interactions: [], people: [], tags: [] })
          return `created client.json for "${slug}"`
        }
      }
    ]
  }
  let data: Record<string, unknown>
  try {
    data = JSON.parse(await readFile(absolute, 'utf8')) as Record<string, unknown>
  } catch (error) {
    return [{ path, reason: `not valid JSON (${(error as Error).message}); fix it by hand — a copy in .rapport/history or a backup may help` }]
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [{ path, reason: 'not a JSON object' }]

  const missing = (['format', 'id', 'name'] as const).filter((key) => data[key] === undefined)
  const duplicate = typeof data.id === 'string' ? seenIds.get(data.id) : undefined
  if (typeof data.id === 'string' && !duplicate) {
    seenIds.set(data.id, path)
    owners.set(base, { id: data.id, name: typeof data.name === 'string' ? data.name : slug })
  }
  if (missing.length > 0 || duplicate) {
    const reason = duplicate ? `its id is also used by ${duplicate}` : `it has no ${missing.join(', ')}`
    return [
      {
        path,
        reason,
        fix: duplicate ? 'give it a new id' : `add ${missing.join(', ')}`,
        repair: async () => {
          const repaired = { format: CLIENT_FORMAT, ...data, ...(duplicate || data.id === undefined ? { id: newId('c') } : {}), name: data.name ?? slug }
          await writeClient(repaired)
          return duplicate ? 'gave it a new id' : `added ${missing.join(', ')}`
        }
      }
    ]
  }
  const checked = clientFileSchema.safeParse(data)
  // Every problem of the file, each in words a person can act on, so one look at the file fixes them all.
  if (!checked.success)
    return issuesInWords(checked.error, data).map((problem) => ({ path, reason: `${problem}; fix it by hand (Rapport will not guess what you meant)` }))
  return rhythmProblems(checked.data).map((problem) => ({
    path,
    reason: `${problem}; fix it by hand (Rapport uses the default until then and leaves it as written)`
  }))
}

/** Temporary files, sync conflicts, and (in journals) every entry. */
async function examineFolder(root: string, folder: string, now: Date, isJournal: boolean, filing?: Filing): Promise<Check[]> {
  const absolute = join(root, folder)
  if (!exists(absolute)) return []
  const checks: Check[] = []
  for (const item of await readdir(absolute, { withFileTypes: true })) {
    const path = folder === '.' ? item.name : toVaultPath(folder, item.name)
    if (item.isDirectory()) {
      if (isJournal && !item.name.startsWith('.')) checks.push(...(await examineFolder(root, path, now, true, filing)))
      continue
    }
    if (isTempFile(item.name)) {
      const age = now.getTime() - (await stat(join(root, path))).mtimeMs
      if (age > STALE_TEMP_MS) {
        checks.push({
          path,
          reason: 'a temporary file left by an interrupted save (the real file beside it is whole)',
          fix: 'remove it',
          repair: async () => (await unlink(join(root, path)), 'removed it')
        })
      }
      continue
    }
    const conflict = parseSyncConflictName(item.name)
    if (conflict) {
      checks.push(await conflictCopyFinding(root, folder, path, conflict))
      continue
    }
    if (filing && item.name.toLowerCase().endsWith('.md')) {
      const finding = await examineEntry(root, path, filing)
      if (finding) checks.push(finding)
    }
  }
  return checks
}

async function examineEntry(root: string, path: string, { entryIds, clientIds, owner }: Filing): Promise<Check | null> {
  const absolute = join(root, path)
  const bytes = await readFile(absolute)
  // A NUL byte is never in text a person wrote: the file is binary, and converting it would only hide that.
  if (bytes.includes(0))
    return { path, reason: 'it contains NUL bytes, so it is a binary file, not text; restore it from a backup or move it out of the journal' }
  const text = decodeUtf8(bytes)
  if (text === null) {
    return {
      path,
      reason: 'not UTF-8 text',
      fix: 'convert it from Windows-1252/Latin-1 to UTF-8',
      repair: async () => {
        await writeFileAtomic(absolute, decodeWindows1252(bytes))
        return 'converted it to UTF-8'
      }
    }
  }
  const markers = gitMarkersFinding(path, text)
  if (markers) return markers
  const file = parseEntryFile(text)
  if (file.problem) return { path, reason: `${file.problem}; fix the front matter by hand` }
  const id = typeof file.fields.id === 'string' ? file.fields.id : null
  const claim = claimOf(path, file.fields)
  const duplicate = id ? entryIds.get(id) : undefined
  if (id && !duplicate) {
    entryIds.set(id, claim)
    return examineFiling(absolute, path, file, clientIds, owner)
  }
  // Two files with one id in one folder, saved at different times: a rename stopped halfway (id-claims.ts), not a clash.
  const leftover = id && duplicate ? renameLeftover(duplicate, claim) : null
  if (id && duplicate && leftover) {
    const kept = leftover === claim ? duplicate : claim
    entryIds.set(id, kept)
    return renameLeftoverFinding(root, leftover.path, kept.path)
  }
  return {
    path,
    reason: duplicate ? `its id is also used by ${duplicate.path}` : 'it has no id in its front matter',
    fix: duplicate ? 'give it a new id' : 'add an id (and a title and date from its file name)',
    repair: async () => {
      const fields: Record<string, unknown> = { id: newId('e') }
      if (typeof file.fields.title !== 'string')
        fields.title = basename(path, '.md')
          .replace(/^\d{4}-\d{2}-\d{2}-?/, '')
          .replace(/[-_]+/g, ' ')
          .trim()
      if (file.fields.created === undefined) fields.created = (await stat(absolute)).mtime.toISOString()
      const original = file.yaml ? file : null
      await writeFileAtomic(absolute, serializeEntryFile(original, fields, original ? file.body : text))
      return duplicate ? 'gave it a new id' : `added the id ${String(fields.id)}`
    }
  }
}

/**
 * An entry's `client` must be a client of this vault: one that names no
 * client (a stand-in id written while a client.json was broken, a client
 * removed, a typo) is filed nowhere. In a client's journal the fix is plain:
 * the client whose folder it is in.
 */
async function examineFiling(
  absolute: string,
  path: string,
  file: EntryFile,
  clientIds: ReadonlyMap<string, string>,
  owner: Owner | 'unknown' | null
): Promise<Check | null> {
  const client = file.fields.client
  if (client === undefined || client === null || owner === 'unknown') return null
  if (typeof client === 'string' && clientIds.has(client)) return null
  const reason = `its client (${String(client)}) is no client of this vault`
  if (owner === null)
    return { path, reason: `${reason}; set "client" in its front matter to a client's id (rapport clients --json lists them), or remove that line` }
  return {
    path,
    reason,
    fix: `file it under ${owner.name} (${owner.id}), whose folder it is in`,
    repair: async () => {
      await writeFileAtomic(absolute, serializeEntryFile(file, { client: owner.id }, file.body))
      return `filed it under ${owner.name}`
    }
  }
}
