import { parseArgs } from 'node:util'
import type { ParseArgsConfig } from 'node:util'
import type { CliCommand, ParsedArgs } from './command'

type Options = NonNullable<ParseArgsConfig['options']>

/** Options every command takes, before or after its name. */
export const globalOptions = {
  vault: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const satisfies Options

/** What a command line asks for. */
export type CommandLine = { kind: 'help'; verb?: CliCommand } | { kind: 'run'; verb: CliCommand; args: ParsedArgs; vault: string | undefined; json: boolean }

/** Wrong usage (exit 2); `verb` when it is known, so its usage line can be shown. */
export class CommandLineError extends Error {
  constructor(
    message: string,
    readonly verb?: CliCommand
  ) {
    super(message)
  }
}

/**
 * Reads a command line the way git and most Unix tools do: options anywhere,
 * before or after the command's name and among its arguments; `--opt=value`
 * or `--opt value`; everything after `--` is an argument, even when it starts
 * with a dash. Built on node:util parseArgs, in two passes: the first finds
 * the command's words among the arguments (so it must know which options take
 * a value, whichever command they belong to), the second reads the rest
 * strictly with the options of that command.
 */
export function parseCommandLine(argv: readonly string[], verbs: readonly CliCommand[]): CommandLine {
  const known = everyOption(verbs)
  const { tokens } = parseArgs({ args: [...argv], options: known, strict: false, allowPositionals: true, tokens: true })

  const words: Array<{ value: string; index: number }> = []
  let wantsHelp = false
  for (const token of tokens) {
    if (token.kind === 'option-terminator') break
    if (token.kind === 'positional') words.push({ value: token.value, index: token.index })
    else if (!(token.name in known)) {
      // Before the command is known, only options some command takes can be told from arguments.
      if (words.length === 0) throw new CommandLineError(`Unknown option ${token.rawName}.`)
    } else if (token.name === 'help') wantsHelp = true
  }

  const first = words[0]?.value
  if (first === undefined) {
    if (wantsHelp || argv.length === 0) return { kind: 'help' }
    throw new CommandLineError('Say which command to run.')
  }
  if (first === 'help') {
    const rest = words.slice(1).map((w) => w.value)
    if (rest.length === 0) return { kind: 'help' }
    const verb = matchVerb(rest, verbs)
    if (!verb) throw new CommandLineError(`Unknown command "${rest.join(' ')}".`)
    return { kind: 'help', verb }
  }
  const verb = matchVerb(
    words.map((w) => w.value),
    verbs
  )
  if (!verb) throw new CommandLineError(`Unknown command "${first}".`)

  const nameLength = verb.name.split(' ').length
  const nameAt = new Set(words.slice(0, nameLength).map((w) => w.index))
  let parsed
  try {
    parsed = parseArgs({
      args: argv.filter((_, i) => !nameAt.has(i)),
      options: { ...globalOptions, ...verb.options },
      allowPositionals: true,
      strict: true
    })
  } catch (error) {
    throw new CommandLineError(plainParseError(error as NodeJS.ErrnoException), verb)
  }
  const { vault, json, help, ...values } = parsed.values as Record<string, string | boolean | undefined>
  if (help === true) return { kind: 'help', verb }
  if (vault !== undefined && (typeof vault !== 'string' || vault.trim() === '')) throw new CommandLineError('--vault needs a folder: --vault DIR.', verb)
  return {
    kind: 'run',
    verb,
    vault: vault as string | undefined,
    json: json === true,
    // The command sees its own options and the global ones, as it always has.
    args: { positionals: parsed.positionals, values: { ...values, ...(vault !== undefined ? { vault } : {}), ...(json !== undefined ? { json } : {}) } }
  }
}

/** The longest command whose words begin the arguments (`client add` before `client`). */
function matchVerb(words: readonly string[], verbs: readonly CliCommand[]): CliCommand | undefined {
  return verbs.filter((v) => v.name.split(' ').every((word, i) => words[i] === word)).sort((a, b) => b.name.split(' ').length - a.name.split(' ').length)[0]
}

/** Every option of every command, so an option given before the command's name is told from its value. */
export function everyOption(verbs: readonly CliCommand[]): Options {
  const all: Options = { ...globalOptions }
  for (const verb of verbs) Object.assign(all, verb.options)
  return all
}

/** Options two commands spell alike but read differently (one takes a value, the other not): these could not be given before the command. */
export function conflictingOptions(verbs: readonly CliCommand[]): string[] {
  const types = new Map<string, Set<string>>()
  for (const options of [globalOptions as Options, ...verbs.map((v) => v.options ?? {})]) {
    for (const [name, option] of Object.entries(options))
      types.set(name, (types.get(name) ?? new Set()).add(`${option.type}${option.short ? `-${option.short}` : ''}`))
  }
  return [...types].filter(([, kinds]) => kinds.size > 1).map(([name]) => name)
}

/** node:util's messages, in the CLI's words. */
function plainParseError(error: NodeJS.ErrnoException): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1] ?? ''
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Unknown option ${option}. To give an argument that starts with a dash, put it after --.`
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/does not take an argument/.test(error.message)) return `${option} takes no value.`
      return `${option} needs a value (one that starts with a dash is given as ${option}=-…).`
    default:
      return error.message
  }
}
