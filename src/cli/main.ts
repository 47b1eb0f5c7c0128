import { parseArgs } from 'node:util'
import { resolveVaultPath } from '../core/vault/vault-path'
import type { CliCommand } from './command'
import { backlinks } from './commands/backlinks'
import { brief } from './commands/brief'
import { clientAdd } from './commands/client-add'
import { clients } from './commands/clients'
import { doctor } from './commands/doctor'
import { exportCommand } from './commands/export'
import { exportContactsCommand } from './commands/export-contacts'
import { importCommand } from './commands/import'
import { importContactsCommand } from './commands/import-contacts'
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

const verbs: CliCommand[] = [init, clients, clientAdd, newEntry, templates, show, today, brief, exportCommand, importCommand, importContactsCommand, exportContactsCommand, search, people, backlinks, doctor]

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

/** Runs the CLI and returns its exit status; never calls process.exit, so tests can run it in-process. */
export async function runCli(argv: string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
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
  const ctx = createContext(vaultRoot, parsed.values.json === true, io, env)
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
