import { channels, directions, outcomes, relations, stages, trustLevels } from '../../shared/domain'
import type { CliCommand } from '../command'
import { usageError } from '../output'

/**
 * `rapport completion bash|zsh|fish`: a completion script written from the
 * verbs themselves (their names, options and summaries), so a new verb or
 * option completes without anyone editing a script. Client names come from
 * the vault at the moment of completing, through `rapport clients --names`
 * (with the --vault being typed, when there is one).
 */

const shells = ['bash', 'zsh', 'fish'] as const
type Shell = (typeof shells)[number]

/** What a value may be: a fixed list, the vault's clients, or a folder. */
type Values = readonly string[] | 'clients' | 'folders'

/** Values of options, wherever they appear; an option not named here takes free text (or nothing, if it is a flag). */
const optionValues: Record<string, Values> = {
  vault: 'folders',
  out: 'folders',
  client: 'clients',
  channel: channels,
  outcome: outcomes,
  direction: directions,
  by: ['me', 'them'],
  relation: relations,
  format: ['md', 'json']
}

/** What a verb's words after it are: the first (a client's NAME, usually), then the rest (STAGE after NAME). */
const positionalValues: Record<string, { first: Values; rest?: Values }> = {
  'client rename': { first: 'clients' },
  'client remove': { first: 'clients' },
  'client show': { first: 'clients' },
  stage: { first: 'clients', rest: stages },
  trust: { first: 'clients', rest: trustLevels },
  followup: { first: 'clients', rest: ['none'] },
  promise: { first: 'clients' },
  log: { first: 'clients' },
  brief: { first: 'clients' },
  backlinks: { first: 'clients' },
  completion: { first: shells }
}

const globalOptions = [
  { name: 'vault', takesValue: true },
  { name: 'json', takesValue: false },
  { name: 'help', takesValue: false }
]

interface VerbShape {
  name: string
  summary: string
  options: { name: string; takesValue: boolean }[]
}

function shapeOf(verb: CliCommand): VerbShape {
  const own = Object.entries(verb.options ?? {}).map(([name, o]) => ({ name, takesValue: o.type === 'string' }))
  return { name: verb.name, summary: verb.summary, options: [...own, ...globalOptions] }
}

export function completionCommand(allVerbs: () => readonly CliCommand[]): CliCommand {
  return {
    name: 'completion',
    usage: 'completion bash|zsh|fish',
    summary: 'A shell completion script: verbs, options, client names',
    async run(ctx, { positionals }) {
      const shell = positionals[0]?.trim().toLowerCase()
      if (!shells.includes(shell as Shell) || positionals.length > 1) {
        throw usageError(
          `Which shell? It is one of: ${shells.join(', ')}. For example: rapport completion bash > ~/.local/share/bash-completion/completions/rapport`
        )
      }
      const verbs = allVerbs().map(shapeOf)
      ctx.io.out(scripts[shell as Shell](verbs))
    }
  }
}

// ---------------------------------------------------------------------------
// Helpers shared by the scripts

/** Single-quoted for a POSIX shell (and zsh, and fish, which agree on this much once `'` is escaped their way). */
const q = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`
const fishQuote = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`

/** Verbs of two words (`client add`) are completed in two steps: the group, then the word. */
function groups(verbs: readonly VerbShape[]): Map<string, VerbShape[]> {
  const map = new Map<string, VerbShape[]>()
  for (const verb of verbs) {
    const [first, second] = verb.name.split(' ')
    if (first && second) map.set(first, [...(map.get(first) ?? []), verb])
  }
  return map
}

const firstWords = (verbs: readonly VerbShape[]): string[] => [...new Set(verbs.map((v) => v.name.split(' ')[0] ?? v.name))]
const valueOptions = (verbs: readonly VerbShape[]): string[] => [
  ...new Set(verbs.flatMap((v) => v.options.filter((o) => o.takesValue).map((o) => `--${o.name}`)))
]

// ---------------------------------------------------------------------------
// bash

function bashValues(values: Values): string {
  if (values === 'clients') return '_rapport_clients'
  if (values === 'folders') return 'COMPREPLY=( $(compgen -d -- "$cur") )'
  return `COMPREPLY=( $(compgen -W ${q(values.join(' '))} -- "$cur") )`
}

function bash(verbs: readonly VerbShape[]): string {
  const verbCases = verbs.map((v) => `    ${q(v.name)}) options=${q(v.options.map((o) => `--${o.name}`).join(' '))} ;;`)
  const groupCases = [...groups(verbs)].map(([group, members]) => `    ${q(group)}) words=${q(members.map((m) => m.name.split(' ')[1]).join(' '))} ;;`)
  const optionCases = Object.entries(optionValues).map(([name, values]) => `      --${name}) ${bashValues(values)}; return ;;`)
  const positionalCases = Object.entries(positionalValues).map(
    ([verb, { first, rest }]) => `    ${q(verb)}) if (( position == 0 )); then ${bashValues(first)}; ${rest ? `else ${bashValues(rest)}; ` : ''}fi ;;`
  )
  return `# rapport completion for bash. Load it with:  source <(rapport completion bash)
# or save it as ~/.local/share/bash-completion/completions/rapport

# The vault's client names, one per line, quoted for the command line; the --vault being typed is used.
_rapport_clients() {
  local i folder vault=()
  for (( i = 1; i < \${#COMP_WORDS[@]}; i++ )); do
    case "\${COMP_WORDS[i]}" in
      --vault) folder="\${COMP_WORDS[i+1]}" ;;
      --vault=*) folder="\${COMP_WORDS[i]#--vault=}" ;;
      *) continue ;;
    esac
    vault=(--vault "\${folder/#\\~/$HOME}")
  done
  local name typed="\${cur#[\\"\\']}"
  while IFS= read -r name; do
    [[ -n "$name" && "$name" == "$typed"* ]] && COMPREPLY+=( "$(printf '%q' "$name")" )
  done < <("\${COMP_WORDS[0]}" clients --names "\${vault[@]}" 2>/dev/null)
}

_rapport() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  COMPREPLY=()
  # The verb is the first word that is not a global option (rapport --vault DIR stage …).
  local at=1
  while (( at < COMP_CWORD )); do
    case "\${COMP_WORDS[at]}" in
      --vault) (( at += 2 )) ;;
      -*) (( at += 1 )) ;;
      *) break ;;
    esac
  done
  if (( COMP_CWORD <= at )); then
    if [[ "$prev" == --vault ]]; then COMPREPLY=( $(compgen -d -- "$cur") ); return; fi
    COMPREPLY=( $(compgen -W ${q([...firstWords(verbs), '--help', '--vault', '--json'].join(' '))} -- "$cur") )
    return
  fi
  local verb="\${COMP_WORDS[at]}" next=$(( at + 1 )) words=''
  case "$verb" in
${groupCases.join('\n')}
  esac
  if [[ -n "$words" ]]; then
    if (( COMP_CWORD == at + 1 )); then
      COMPREPLY=( $(compgen -W "$words" -- "$cur") )
      return
    fi
    verb="$verb \${COMP_WORDS[at+1]}"
    next=$(( at + 2 ))
  fi

  if [[ "$prev" == --* ]]; then
    case "$prev" in
${optionCases.join('\n')}
    esac
    case " "${q(valueOptions(verbs).join(' '))}" " in
      *" $prev "*) return ;;
    esac
  fi

  local options=''
  case "$verb" in
${verbCases.join('\n')}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$options" -- "$cur") )
    return
  fi

  # Which word after the verb this is, options and their values left out.
  local i position=0
  for (( i = next; i < COMP_CWORD; i++ )); do
    case "\${COMP_WORDS[i]}" in
      --*=*) ;;
      --*) case " "${q(valueOptions(verbs).join(' '))}" " in *" \${COMP_WORDS[i]} "*) (( i++ )) ;; esac ;;
      *) (( position++ )) ;;
    esac
  done
  case "$verb" in
${positionalCases.join('\n')}
  esac
}

complete -F _rapport rapport
`
}

// ---------------------------------------------------------------------------
// zsh

function zshValues(values: Values): string {
  if (values === 'clients') return '_rapport_clients'
  if (values === 'folders') return '_files -/'
  return `compadd -- ${values.map(q).join(' ')}`
}

function zsh(verbs: readonly VerbShape[]): string {
  const describe = (name: string, summary: string) => q(`${name.replace(/:/g, '\\:')}:${summary}`)
  const top = firstWords(verbs).map((word) => {
    const verb = verbs.find((v) => v.name === word)
    return describe(word, verb?.summary ?? `${word} ${(groups(verbs).get(word) ?? []).map((m) => m.name.split(' ')[1]).join('|')}`)
  })
  const groupCases = [...groups(verbs)].map(
    ([group, members]) => `    ${q(group)}) subverbs=(${members.map((m) => describe(m.name.split(' ')[1] ?? '', m.summary)).join(' ')}) ;;`
  )
  const verbCases = verbs.map((v) => `    ${q(v.name)}) options=(${v.options.map((o) => q(`--${o.name}`)).join(' ')}) ;;`)
  const optionCases = Object.entries(optionValues).map(([name, values]) => `    --${name}) ${zshValues(values)}; return ;;`)
  const positionalCases = Object.entries(positionalValues).map(
    ([verb, { first, rest }]) => `    ${q(verb)}) if (( position == 0 )); then ${zshValues(first)}; ${rest ? `else ${zshValues(rest)}; ` : ''}fi ;;`
  )
  const takesValue = valueOptions(verbs).map(q).join(' ')
  return `#compdef rapport
# rapport completion for zsh. Load it with:  source <(rapport completion zsh)
# or save it as _rapport in a folder of your $fpath.

_rapport_clients() {
  local -a vault names
  local i folder
  for (( i = 2; i <= $#words; i++ )); do
    case $words[i] in
      --vault) folder=$words[i+1] ;;
      --vault=*) folder=\${words[i]#--vault=} ;;
      *) continue ;;
    esac
    vault=(--vault "\${folder/#\\~/$HOME}")
  done
  names=("\${(@f)$("\${words[1]}" clients --names "\${vault[@]}" 2>/dev/null)}")
  names=(\${names:#})
  compadd -a names
}

_rapport() {
  local -a verbs subverbs options takes_value
  verbs=(${top.join(' ')})
  takes_value=(${takesValue})
  # The verb is the first word that is not a global option (rapport --vault DIR stage …).
  local at=2
  while (( at < CURRENT )); do
    case $words[at] in
      --vault) (( at += 2 )) ;;
      -*) (( at += 1 )) ;;
      *) break ;;
    esac
  done
  if (( CURRENT <= at )); then
    if [[ $words[CURRENT-1] == --vault ]]; then _files -/; return; fi
    _describe 'command' verbs
    return
  fi
  local verb=$words[at] next=$(( at + 1 ))
  subverbs=()
  case $verb in
${groupCases.join('\n')}
  esac
  if (( $#subverbs )); then
    if (( CURRENT == at + 1 )); then
      _describe 'command' subverbs
      return
    fi
    verb="$verb $words[at+1]"
    next=$(( at + 2 ))
  fi
  case $words[CURRENT-1] in
${optionCases.join('\n')}
  esac
  (( \${takes_value[(Ie)$words[CURRENT-1]]} )) && return
  options=()
  case $verb in
${verbCases.join('\n')}
  esac
  if [[ $words[CURRENT] == -* ]]; then
    compadd -a options
    return
  fi
  local i position=0
  for (( i = next; i < CURRENT; i++ )); do
    if [[ $words[i] == --*=* ]]; then continue
    elif [[ $words[i] == --* ]]; then (( \${takes_value[(Ie)$words[i]]} )) && (( i++ ))
    else (( position++ ))
    fi
  done
  case $verb in
${positionalCases.join('\n')}
  esac
}

if [[ "$funcstack[1]" == _rapport ]]; then
  _rapport "$@"
else
  compdef _rapport rapport
fi
`
}

// ---------------------------------------------------------------------------
// fish

function fishValues(values: Values): string {
  if (values === 'clients') return `-a '(__rapport_clients)'`
  if (values === 'folders') return `-a '(__fish_complete_directories)'`
  return `-a ${fishQuote(values.join(' '))}`
}

function fish(verbs: readonly VerbShape[]): string {
  const grouped = groups(verbs)
  const lines: string[] = []
  for (const word of firstWords(verbs)) {
    const verb = verbs.find((v) => v.name === word)
    lines.push(`complete -c rapport -n __fish_use_subcommand -a ${fishQuote(word)} -d ${fishQuote(verb?.summary ?? `${word} commands`)}`)
  }
  for (const [group, members] of grouped) {
    const subwords = members.map((m) => m.name.split(' ')[1] ?? '')
    for (const member of members) {
      lines.push(
        `complete -c rapport -n ${fishQuote(`__fish_seen_subcommand_from ${group}; and not __fish_seen_subcommand_from ${subwords.join(' ')}`)} -a ${fishQuote(member.name.split(' ')[1] ?? '')} -d ${fishQuote(member.summary)}`
      )
    }
  }
  for (const verb of verbs) {
    const [first, second] = verb.name.split(' ')
    const when = second ? `__fish_seen_subcommand_from ${first}; and __fish_seen_subcommand_from ${second}` : `__fish_seen_subcommand_from ${first}`
    for (const option of verb.options) {
      if (globalOptions.some((g) => g.name === option.name)) continue
      const values = optionValues[option.name]
      lines.push(`complete -c rapport -n ${fishQuote(when)} -l ${option.name}${option.takesValue ? ` -x${values ? ` ${fishValues(values)}` : ''}` : ''}`)
    }
    const positional = positionalValues[verb.name]
    if (positional) {
      const first = `${when}; and __rapport_position_is 0 ${verb.name.split(' ').length}`
      lines.push(`complete -c rapport -n ${fishQuote(first)} ${fishValues(positional.first)}`)
      if (positional.rest)
        lines.push(
          `complete -c rapport -n ${fishQuote(`${when}; and not __rapport_position_is 0 ${verb.name.split(' ').length}`)} ${fishValues(positional.rest)}`
        )
    }
  }
  return `# rapport completion for fish. Load it with:  rapport completion fish | source
# or save it as ~/.config/fish/completions/rapport.fish

# The vault's client names; the --vault being typed is used.
function __rapport_clients
    set -l tokens (commandline -opc)
    set -l vault
    for i in (seq (count $tokens))
        if test "$tokens[$i]" = --vault; and test $i -lt (count $tokens)
            set vault --vault (string replace -r -- '^~' $HOME $tokens[(math $i + 1)])
        else if string match -q -- '--vault=*' $tokens[$i]
            set vault --vault (string replace -- '--vault=' '' $tokens[$i] | string replace -r -- '^~' $HOME)
        end
    end
    $tokens[1] clients --names $vault 2>/dev/null
end

# True when the word being completed is the Nth after a verb of $argv[2] words, options left out.
function __rapport_position_is
    set -l tokens (commandline -opc)
    set -l takes_value ${valueOptions(verbs).join(' ')}
    set -l position 0
    set -l skip 0
    for token in $tokens[(math $argv[2] + 2)..-1]
        if test $skip -eq 1
            set skip 0
        else if string match -q -- '--*=*' $token
        else if contains -- $token $takes_value
            set skip 1
        else if not string match -q -- '-*' $token
            set position (math $position + 1)
        end
    end
    test $position -eq $argv[1]
end

complete -c rapport -f
complete -c rapport -l vault -x -a '(__fish_complete_directories)' -d 'The vault folder'
complete -c rapport -l json -d 'Machine-readable output'
complete -c rapport -s h -l help -d 'Show help'
${lines.join('\n')}
`
}

const scripts: Record<Shell, (verbs: readonly VerbShape[]) => string> = { bash, zsh, fish }
