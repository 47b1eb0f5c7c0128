import type { ContactRow, ContactShape, ContactsChoices, ContactsPreview, DuplicateChoice } from './contract/contacts'

/**
 * What becomes of each previewed contact under the person's choices: the
 * one rule, used by the import (core), the preview's counts (renderer) and
 * the command line, so what is shown is what is done.
 */
export type ContactOutcome =
  | { kind: 'skip' }
  /** Fill the empty fields of the duplicate it matched (in the vault, or an earlier contact of the import). */
  | { kind: 'merge' }
  /** A client of its own. */
  | { kind: 'client' }
  /** A person at its organisation's client (the vault's, or one the import creates). */
  | { kind: 'person'; organisationKey: string }
  /** The organisation's own card: its details go to the organisation's client. */
  | { kind: 'organisation'; organisationKey: string }

type Choices = Pick<ContactsChoices, 'shape' | 'organisations' | 'duplicates' | 'otherDuplicates'>

export function duplicateChoiceOf(row: ContactRow, choices: Choices): DuplicateChoice | null {
  return row.duplicate ? (choices.duplicates[row.key] ?? choices.otherDuplicates) : null
}

export function shapeOf(organisationKey: string | undefined, choices: Choices): ContactShape {
  return organisationKey === undefined ? 'client' : (choices.organisations[organisationKey] ?? choices.shape)
}

export function contactOutcome(row: ContactRow, choices: Choices): ContactOutcome {
  const duplicate = duplicateChoiceOf(row, choices)
  if (duplicate === 'skip') return { kind: 'skip' }
  if (duplicate === 'merge') return { kind: 'merge' }
  if (row.organisationKey === undefined || shapeOf(row.organisationKey, choices) !== 'organisation') return { kind: 'client' }
  return { kind: row.isOrganisation ? 'organisation' : 'person', organisationKey: row.organisationKey }
}

export interface ContactsSummary {
  /** New clients: one per contact, plus one per organisation that is not in the vault. */
  clients: number
  /** People added at clients (new or the vault's). */
  people: number
  merged: number
  skipped: number
}

/** What the import would do with these choices, in numbers. */
export function summariseContacts(preview: Pick<ContactsPreview, 'contacts' | 'organisations'>, choices: Choices): ContactsSummary {
  const summary: ContactsSummary = { clients: 0, people: 0, merged: 0, skipped: 0 }
  const existing = new Map(preview.organisations.map((o) => [o.key, o.clientId]))
  const newOrganisations = new Set<string>()
  for (const row of preview.contacts) {
    const outcome = contactOutcome(row, choices)
    if (outcome.kind === 'skip') summary.skipped++
    else if (outcome.kind === 'merge') summary.merged++
    else if (outcome.kind === 'client') summary.clients++
    else {
      if (outcome.kind === 'person') summary.people++
      if (!existing.get(outcome.organisationKey)) newOrganisations.add(outcome.organisationKey)
    }
  }
  summary.clients += newOrganisations.size
  return summary
}
