import { isAbsolute, relative, resolve, sep } from 'node:path'
import type { CliContext } from './context'
import { CliError, usageError } from './output'

/**
 * The entry ENTRY names: its id (from its front matter, or `rapport search`)
 * or its file, as a path inside the vault (what `rapport new` prints) or from here.
 */
export async function entryIdOf(ctx: CliContext, entry: string | undefined, example: string): Promise<string> {
  const wanted = entry?.trim()
  if (!wanted) throw usageError(example)
  const entries = (await ctx.vault()).entries.allWithVersions()
  if (entries.some((e) => e.id === wanted)) return wanted
  const inVault = relative(ctx.vaultRoot, isAbsolute(wanted) ? wanted : resolve(wanted))
    .split(sep)
    .join('/')
  const byPath = entries.find((e) => e.path === wanted || e.path === inVault)
  if (byPath) return byPath.id
  throw new CliError(`No entry has the id or path "${wanted}". "rapport search" finds entries; their ids are in their front matter.`)
}
