import { daysBetween, longDate } from './dates'

/**
 * Placeholders in a template's prompts: `{{client.name}}`, `{{date}}`… are
 * filled when an entry is started. The rule for each one lives here, once:
 * what it becomes, and what happens when there is nothing to put there. An
 * entry never shows a raw `{{x}}` for a known placeholder, nor "undefined".
 */

/** What is known when an entry is started; everything but the day may be missing. */
export interface PlaceholderContext {
  /** The entry's day, `2026-11-22`. */
  today: string
  client?: { name: string; organisation?: string }
  /** The day of the last real conversation (a conversation or meeting), if there was one. */
  lastConversation?: string
  openCommitments?: { by: 'me' | 'client'; what: string; due?: string }[]
}

interface PlaceholderRule {
  /** What people read about it in the template editor. */
  description: string
  value(context: PlaceholderContext): string | undefined
  /** With no value: a humane stand-in, or the whole line goes (for lines that only exist to show the value). */
  missing: { fallback: string } | 'drop-line'
}

/** Markdown that would change a value's meaning (a name with `*` or `[`) is escaped. */
const inline = (text: string): string => text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`)

const rules: Record<string, PlaceholderRule> = {
  'client.name': {
    description: 'The client’s name; “the client” for an entry that belongs to no client.',
    value: (c) => (c.client ? inline(c.client.name) : undefined),
    missing: { fallback: 'the client' }
  },
  'client.organisation': {
    description: 'The client’s organisation; the line is left out when there is none.',
    value: (c) => (c.client?.organisation?.trim() ? inline(c.client.organisation.trim()) : undefined),
    missing: 'drop-line'
  },
  date: {
    description: 'The entry’s date, written out: Sunday 22 November 2026.',
    value: (c) => longDate(c.today),
    missing: 'drop-line'
  },
  daysSinceLastConversation: {
    description: 'Days since the last real conversation or meeting, as a number; the line is left out when there has been none.',
    value: (c) => (c.lastConversation === undefined ? undefined : String(Math.max(0, daysBetween(c.lastConversation, c.today)))),
    missing: 'drop-line'
  },
  lastConversationDate: {
    description: 'The date of the last real conversation or meeting; the line is left out when there has been none.',
    value: (c) => (c.lastConversation === undefined ? undefined : longDate(c.lastConversation)),
    missing: 'drop-line'
  },
  openCommitments: {
    description: 'Open commitments both ways, as a task list; “None open.” when there are none.',
    value: (c) => (c.openCommitments?.length ? commitmentList(c) : undefined),
    missing: { fallback: 'None open.' }
  }
}

function commitmentList(c: PlaceholderContext): string {
  const them = c.client ? inline(c.client.name) : 'them'
  return (c.openCommitments ?? [])
    .map((k) => {
      const who = k.by === 'me' ? 'me' : them
      const when = k.due ? `, ${k.due < c.today ? 'was due' : 'due'} ${longDate(k.due)}` : ''
      return `- [ ] ${inline(k.what)} (${who}${when})`
    })
    .join('\n')
}

/** The placeholders Rapport knows, with what each becomes: for the template editor's help. */
export const knownPlaceholders: readonly { name: string; description: string }[] = Object.entries(rules).map(([name, rule]) => ({
  name,
  description: rule.description
}))

export const isKnownPlaceholder = (name: string): boolean => Object.hasOwn(rules, name)

// ---------------------------------------------------------------------------

/** `{{ name }}` or `{{a.b}}`: a word, optionally dotted, between double braces on one line. */
const TOKEN = /\{\{[ \t]*([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*)[ \t]*\}\}/y

export interface PlaceholderScan {
  /** Names of the well-formed placeholders, in order of appearance, each once. */
  names: string[]
  /** `{{…` that is not a placeholder Rapport can read, with its 1-based line. */
  malformed: { text: string; line: number }[]
}

/** Finds the placeholders in a text, and any `{{` that does not start one. */
export function scanPlaceholders(text: string): PlaceholderScan {
  const names = new Set<string>()
  const malformed: PlaceholderScan['malformed'] = []
  text.split('\n').forEach((line, index) => {
    for (let at = line.indexOf('{{'); at !== -1;) {
      TOKEN.lastIndex = at
      const token = TOKEN.exec(line)
      if (token?.[1]) {
        names.add(token[1])
        at = line.indexOf('{{', TOKEN.lastIndex)
      } else {
        const close = line.indexOf('}}', at)
        malformed.push({ text: close === -1 ? line.slice(at).trimEnd() : line.slice(at, close + 2), line: index + 1 })
        at = line.indexOf('{{', close === -1 ? line.length : close + 2)
      }
    }
  })
  return { names: [...names], malformed }
}

export interface Filled {
  text: string
  /** Placeholders Rapport does not know: left as written, so the person sees and can fix them. */
  unknown: string[]
}

/** Fills every known placeholder of `text` from the context (see the rules above). */
export function fillPlaceholders(text: string, context: PlaceholderContext): Filled {
  const unknown = new Set<string>()
  const lines = text.split('\n')
  const out: string[] = []
  const pattern = new RegExp(TOKEN.source, 'g')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    let dropLine = false
    const filled = line.replace(pattern, (raw, name: string) => {
      const rule = rules[name]
      if (!rule) {
        unknown.add(name)
        return raw
      }
      const value = rule.value(context)
      if (value !== undefined) return value
      if (rule.missing === 'drop-line') {
        dropLine = true
        return ''
      }
      return rule.missing.fallback
    })
    if (!dropLine) {
      out.push(filled)
      continue
    }
    // A line that was a paragraph of its own leaves one blank line, not two.
    const previousBlank = out.length === 0 || out[out.length - 1]?.trim() === ''
    if (previousBlank && lines[i + 1]?.trim() === '') i++
  }
  return { text: out.join('\n'), unknown: [...unknown] }
}
