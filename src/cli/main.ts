import { parseArgs } from 'node:util'
import type { Clock } from '../core/relationship/viewpoint'
import { resolveVaultPath } from '../core/vault/vault-path'
import type { CliCommand } from './command'
import { backlinks } from './commands/backlinks'
import { brief } from './commands/brief'
import { clientAdd } from './commands/client-add'
import { clientRemove } from './commands/client-remove'
import { clientRename } from './commands/client-rename'
import { clientShow } from './commands/client-show'
import { clients } from './commands/clients'
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
import { importCommand } from './commands/import'
import { init } from './commands/init'
import { newEntry } from './commands/new-entry'
import { people } from './commands/people'
import { search } from './commands/search'
import { show } from './commands/show'
import { templates } from './commands/templates'
import { today } from './commands/today'
import { createContext } from './context'
import { CliError, processIo } from './output'
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
  brief,
  exportCommand,
  importCommand,
  search,
  backlinks,
  doctor,
  completionCommand(() => verbs)
]

const globalOptions = {
  vault: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const

function help(): string {
  const width = Math.max(...verbs.map((v) => v.usage.split('   ')[0]?.length ?? 0))
  return [
    'rapport — your private client journal, from the command line',
    '',
    'Usage: rapport COMMAND [options] [--vault DIR] [--json]',
    '',
    ...verbs.map((v) => `  ${(v.usage.split('   ')[0] ?? v.usage).padEnd(width)}  ${v.summary}`),
    '',
    'The vault is --vault DIR, else $RAPPORT_VAULT, else ~/Documents/Rapport.',
    'An encrypted vault asks for its passphrase at the terminal, or reads $RAPPORT_PASSPHRASE.',
    '--json prints machine-readable output. Exit status: 0 success, 1 a problem, 2 wrong usage.'
  ].join('\n')
}

/**
 * Runs the CLI and returns its exit status; never calls process.exit, so tests can run it in-process.
 * `clock` is the "now" the core judges by (overdue, quiet, when a contact was logged); tests fix it.
 */
export async function runCli(argv: string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env, clock?: Clock): Promise<number> {
  const verb = verbs
    .filter((v) => v.name.split(' ').every((word, i) => argv[i] === word))
    .sort((a, b) => b.name.length - a.name.length)[0]
  if (!verb) {
    const wantsHelp = argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help'
    ;(wantsHelp ? io.out : io.err)(wantsHelp ? help() : `Unknown command "${argv[0]}".\n\n${help()}`)
    return wantsHelp ? 0 : 2
  }
  let parsed
  try {
    parsed = parseArgs({
      args: argv.slice(verb.name.split(' ').length),
      options: { ...globalOptions, ...verb.options },
      allowPositionals: true,
      strict: true
    })
  } catch (error) {
    io.err(`${(error as Error).message}\nUsage: rapport ${verb.usage}`)
    return 2
  }
  if (parsed.values.help) {
    io.out(`Usage: rapport ${verb.usage}\n${verb.summary}`)
    return 0
  }
  const vaultRoot = resolveVaultPath({ flag: parsed.values.vault as string | undefined, env })
  const ctx = createContext(vaultRoot, parsed.values.json === true, io, env, clock)
  try {
    return (await verb.run(ctx, { positionals: parsed.positionals, values: parsed.values as Record<string, string | boolean | undefined> })) ?? 0
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.exitCode === 2 ? `${error.message}\nUsage: rapport ${verb.usage}` : error.message)
      return error.exitCode
    }
    io.err(`rapport: ${(error as Error).message ?? String(error)}`)
    return 1
  } finally {
    await ctx.close()
  }
}
