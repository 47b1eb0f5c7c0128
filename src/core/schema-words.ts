import type { z } from 'zod'

type Issue = z.core.$ZodIssue

/** The field a problem is in, as it is written in the file: `stage.current`, `commitments[0].due`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('') || 'the file'
}

/** What a JSON value is, in a person's words. */
function kindOf(value: unknown): string {
  if (value === undefined) return 'missing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`
  if (typeof value === 'object') return 'a group of fields'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  return `the ${typeof value} ${String(value)}`
}

const expectedWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields ({ … })',
  null: 'null'
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined
  return value
}

/**
 * One problem a validator found, as a sentence a person can act on, with the
 * field it is in: `stage: should be a group of fields ({ … }), but it is the
 * text "engaged"` rather than `expected object, received string`.
 */
export function issueInWords(issue: Issue, data: unknown): string {
  const where = fieldPath(issue.path)
  const value = valueAt(data, issue.path)
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return `${where}: is missing (it should be ${expectedWords[issue.expected] ?? issue.expected})`
      return `${where}: should be ${expectedWords[issue.expected] ?? issue.expected}, but it is ${kindOf(value)}`
    case 'invalid_value':
      return `${where}: ${kindOf(value)} is not one of the values Rapport knows (${issue.values.map(String).join(', ')})`
    case 'too_small':
      if (issue.origin === 'string')
        return `${where}: ${Number(issue.minimum) <= 1 ? 'is empty; it needs some text' : `needs at least ${String(issue.minimum)} characters`}`
      if (issue.origin === 'array') return `${where}: needs at least ${String(issue.minimum)} items`
      return `${where}: should be at least ${String(issue.minimum)}, but it is ${kindOf(value)}`
    case 'too_big':
      if (issue.origin === 'string') return `${where}: is too long (at most ${String(issue.maximum)} characters)`
      if (issue.origin === 'array') return `${where}: has too many items (at most ${String(issue.maximum)})`
      return `${where}: should be at most ${String(issue.maximum)}, but it is ${kindOf(value)}`
    case 'invalid_format':
      // The schema's own messages for formats are already written for people ("must be an ISO 8601 date like 2026-11-22").
      return `${where}: ${kindOf(value)} ${issue.message.startsWith('Invalid') ? `is not in the form expected (${issue.format})` : issue.message}`
    case 'unrecognized_keys':
      return `${where}: has fields Rapport does not expect here (${issue.keys.join(', ')})`
    case 'invalid_union':
      return `${where}: ${kindOf(value)} is none of the forms Rapport accepts here`
    default:
      return `${where}: ${issue.message}`
  }
}

/** Every problem, one sentence each. */
export function issuesInWords(error: z.ZodError, data: unknown): string[] {
  return error.issues.map((issue) => issueInWords(issue, data))
}
