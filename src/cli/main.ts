import type { Clock } from '../core/relationship/viewpoint'
import { RapportError } from '../core/errors'
import { resolveVaultPath } from '../core/vault/vault-path'
import type { CliCommand } from './command'
import { backlinks } from './commands/backlinks'
import { brief } from './commands/brief'
import { cadence } from './commands/cadence'
import { calendar } from './commands/calendar'
import { clientAdd } from './commands/client-add'
import { clientRemove } from './commands/client-remove'
import { clientRename } from './commands/client-rename'
import { clientShow } from './commands/client-show'
import { clients } from './commands/clients'
import { conflicts } from './commands/conflicts'
import { commitments } from './commands/commitments'
import { completionCommand } from './commands/completion'
import { done } from './commands/done'
import { edit } from './commands/edit'
import { followup } from './commands/followup'
import { log } from './commands/log'
import { personAdd } from './commands/person-add'
import { personRemove } from './commands/person-remove'
import { personUpdate } from './commands/person-update'
import { promise } from './commands/promise'
import { record } from './commands/record'
import { rm } from './commands/rm'
import { stage } from './commands/stage'
import { trust } from './commands/trust'
import { doctor } from './commands/doctor'
import { exportCommand } from './commands/export'
import { exportContactsCommand } from './commands/export-contacts'
import { importCommand } from './commands/import'
import { importContactsCommand } from './commands/import-contacts'
import { importDayOneCommand } from './commands/import-day-one'
import { init } from './commands/init'
import { newEntry } from './commands/new-entry'
import { people } from './commands/people'
import { resolve } from './commands/resolve'
import { search } from './commands/search'
import { show } from './commands/show'
import { templates } from './commands/templates'
import { today } from './commands/today'
import { CommandLineError, parseCommandLine } from './command-line'
import { createContext } from './context'
import { topHelp, usageLines, verbHelp } from './help'
import { CliError, endQuietlyWhenOutputCloses, processIo } from './output'
import type { Io } from './output'

/** Every verb, in the order `rapport --help` lists them. */
export const verbs: CliCommand[] = [
  init,
  clients,
  clientAdd,
  clientRename,
  clientRemove,
  clientShow,
  stage,
  trust,
  followup,
  cadence,
  promise,
  done,
  commitments,
  log,
  people,
  personAdd,
  personUpdate,
  personRemove,
  newEntry,
  edit,
  rm,
  record,
  templates,
  show,
  today,
  calendar,
  brief,
  exportCommand,
  importCommand,
  importContactsCommand,
  importDayOneCommand,
  exportContactsCommand,
  search,
  backlinks,
  doctor,
  conflicts,
  resolve,
  completionCommand(() => verbs)
]

/**
 * Runs the CLI and returns its exit status; never calls process.exit, so tests can run it in-process.
 * `clock` is the "now" the core judges by (overdue, quiet, when a contact was logged); tests fix it.
 */
export async function runCli(argv: string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env, clock?: Clock): Promise<number> {
  if (io === processIo) endQuietlyWhenOutputCloses()
  let line
  try {
    line = parseCommandLine(argv, verbs)
  } catch (error) {
    if (!(error instanceof CommandLineError)) throw error
    io.err(`${error.message}\n${error.verb ? usageLines(error.verb).join('\n') : 'Usage: rapport COMMAND [options]   (rapport --help lists the commands)'}`)
    return 2
  }
  if (line.kind === 'help') {
    io.out(line.verb ? verbHelp(line.verb) : topHelp(verbs))
    return 0
  }
  const { verb, args } = line
  const vaultRoot = resolveVaultPath({ flag: line.vault, env })
  const ctx = createContext(vaultRoot, line.json, io, env, { mayCreateVault: verb.mayCreateVault === true, ...(clock ? { clock } : {}) })
  try {
    return (await verb.run(ctx, args)) ?? 0
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.exitCode === 2 ? `${error.message}\n${usageLines(verb).join('\n')}` : error.message)
      return error.exitCode
    }
    // The core's errors are written for people already (a client not found, a name that could mean two).
    if (error instanceof RapportError) {
      io.err(error.message)
      return 1
    }
    io.err(`rapport: ${(error as Error).message ?? String(error)}`)
    return 1
  } finally {
    await ctx.close()
  }
}
