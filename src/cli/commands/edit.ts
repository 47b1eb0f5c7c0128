import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { parseEntryFile } from '../../core/entries/entry-file'
import { fileVersion } from '../../core/fs/file-version'
import { reservedEntryFields } from '../../shared/contract/entries'
import type { Entry } from '../../shared/domain'
import type { CliCommand } from '../command'
import { entryIdOf } from '../entries'
import { CliError } from '../output'

type FieldValue = string | number | boolean | null

export const edit: CliCommand = {
  name: 'edit',
  usage: 'edit ENTRY   (an entry id, or the path of its file; opens $VISUAL or $EDITOR)',
  summary: 'Edit an entry in $VISUAL or $EDITOR, saved as the app saves',
  async run(ctx, { positionals }) {
    const id = await entryIdOf(ctx, positionals.join(' '), 'Which entry? rapport edit e_01J…  (or the path "rapport new" printed)')
    const vault = await ctx.vault()
    // The editor works on a file outside the vault: for an encrypted vault, that would be the entry's text in the clear.
    if (vault.encrypted)
      throw new CliError('This vault is encrypted; an editor would need the entry’s text unencrypted in a temporary file. Edit it in the app.')
    const entry = await ctx.call('entries:read', { id })
    const original = await vault.entries.text(id)
    // The version of exactly the text the editor gets: a change made between the two reads is then a conflict, never lost.
    const version = fileVersion(original)

    const folder = await mkdtemp(join(tmpdir(), 'rapport-edit-'))
    // The entry's own file name, so the editor knows it is Markdown and the person knows what they are editing.
    const copy = join(folder, basename(entry.path))
    await writeFile(copy, original, { mode: 0o600 })
    const keptAt = `Your text is kept in ${copy}.`

    const status = await runEditor(editorOf(ctx.env), copy, ctx.env)
    const edited = await readFile(copy, 'utf8')
    if (status !== 0) {
      if (edited === original) await rm(folder, { recursive: true, force: true })
      throw new CliError(`The editor exited with status ${status}, so nothing was saved.${edited === original ? '' : ` ${keptAt}`}`)
    }
    if (edited === original) {
      await rm(folder, { recursive: true, force: true })
      if (ctx.json) return ctx.io.out(JSON.stringify(entry, null, 2))
      return ctx.io.out(`No changes to ${entry.path}.`)
    }

    const change = changeFrom(entry, original, edited)
    if ('problem' in change) throw new CliError(`${change.problem}. Nothing was saved. ${keptAt}`)
    for (const warning of change.warnings) ctx.io.err(warning)
    let saved: Entry
    try {
      saved = await ctx.call('entries:save', { id, version, title: change.title, body: change.body, fields: change.fields })
    } catch (error) {
      // A conflict keeps our text in the vault beside theirs (the core does that); anything else keeps the copy here.
      if (error instanceof CliError && error.code === 'conflict') await rm(folder, { recursive: true, force: true })
      else if (error instanceof CliError) throw new CliError(`${error.message} ${keptAt}`)
      throw error
    }
    await rm(folder, { recursive: true, force: true })
    if (ctx.json) return ctx.io.out(JSON.stringify(saved, null, 2))
    ctx.io.out(`Saved ${saved.path}`)
  }
}

/** $VISUAL, else $EDITOR (as git and crontab choose), else the editor every system has. */
function editorOf(env: NodeJS.ProcessEnv): string {
  const chosen = env.VISUAL?.trim() || env.EDITOR?.trim()
  return chosen || (process.platform === 'win32' ? 'notepad' : 'vi')
}

/** Runs the editor through the shell, so `code --wait` or `emacs -nw` work as they do for git; resolves with its exit status. */
function runEditor(editor: string, file: string, env: NodeJS.ProcessEnv): Promise<number> {
  const quoted = process.platform === 'win32' ? `"${file}"` : `'${file.replace(/'/g, `'\\''`)}'`
  return new Promise((resolve, reject) => {
    const child = spawn(`${editor} ${quoted}`, { shell: true, stdio: 'inherit', env: { ...process.env, ...env } })
    child.on('error', (error) => reject(new CliError(`Could not start the editor "${editor}": ${error.message}. Set $EDITOR.`)))
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)))
  })
}

/**
 * What to save from the edited Markdown: its title and body, and the
 * front-matter fields the person changed. Rapport's own fields (id, client,
 * created…) are not theirs to change here; a change to one is said and left out.
 */
function changeFrom(
  entry: Entry,
  original: string,
  text: string
): { title: string; body: string; fields: Record<string, FieldValue>; warnings: string[] } | { problem: string } {
  const file = parseEntryFile(text)
  if (file.problem) return { problem: `The front matter cannot be read (${file.problem})` }
  // No front matter left at all: the whole text is the body, and the title and fields stay as they were.
  if (file.yaml === null) return { title: entry.title, body: text, fields: {}, warnings: [] }
  const before = parseEntryFile(original).fields
  const warnings: string[] = []
  const fields: Record<string, FieldValue> = {}
  for (const [key, value] of Object.entries(file.fields)) {
    if (key === 'title') continue
    if ((reservedEntryFields as readonly string[]).includes(key)) {
      if (JSON.stringify(value) !== JSON.stringify(before[key])) warnings.push(`"${key}" is set by Rapport, so your change to it was left out.`)
      continue
    }
    if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      if (JSON.stringify(value) !== JSON.stringify(before[key])) warnings.push(`"${key}" is not a single value, so your change to it was left out.`)
      continue
    }
    if (entry.fields[key] !== value) fields[key] = value
  }
  for (const key of Object.keys(entry.fields)) if (!(key in file.fields)) fields[key] = null
  const title = file.fields.title === undefined || file.fields.title === null ? '' : String(file.fields.title)
  return { title, body: file.body, fields, warnings }
}
