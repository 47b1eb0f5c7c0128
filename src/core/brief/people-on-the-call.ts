import type { BriefPeople, BriefStakeholder } from '../../shared/contract/brief'
import type { EntrySummary } from '../../shared/domain'
import { findMentions } from '../mentions/find-mentions'
import type { StoredPerson } from '../people/people'
import { dayOf } from '../relationship/calendar'
import { entryBody } from '../entries/entry-body'
import type { Vault } from '../vault/vault'
import { briefLimits, capped } from './limits'

/**
 * "The people likely on the call" (issue #12): the client's people, in the
 * order they are likely to be in the room.
 *
 * 1. Whoever the latest entries mention: the person in the newest entry
 *    first (ties: mentioned in more of those entries, then the order below).
 *    What was written about last week is who the next call is about.
 * 2. Then sponsors and decision makers: they are in the rooms that matter.
 * 3. Then everyone else, in the order the person keeps them in client.json.
 *
 * Only the newest `briefLimits.mentionWindow` entries count: a person
 * mentioned once three years ago is no likelier on Tuesday's call than a
 * sponsor. Those files are read through the entry store (a handful, in
 * parallel) rather than through the backlinks index, whose first use reads the whole vault —
 * too much for a one-client page the CLI prints in a fresh process.
 */

/** The ids each of the newest entries mentions, newest entry first; an entry that cannot be read counts as mentioning nobody. */
export async function recentMentions(vault: Vault, entries: readonly EntrySummary[]): Promise<Array<{ day: string; ids: Set<string> }>> {
  const recent = entries.slice(0, briefLimits.mentionWindow)
  return Promise.all(
    recent.map(async (entry) => {
      const bytes = await vault.entries.fileBytes(entry.id)
      // Null when moved or deleted since it was listed: the brief is never refused for a courtesy like this.
      const body = bytes ? entryBody(bytes).body : ''
      return {
        day: entry.created,
        ids: new Set(
          findMentions(body)
            .filter((m) => m.kind === 'person')
            .map((m) => m.id)
        )
      }
    })
  )
}

/** Sponsors, then decision makers, then everyone else: the tie-break after mentions. */
const relationRank = (person: StoredPerson): number => (person.relation === 'sponsor' ? 0 : person.relation === 'decision-maker' ? 1 : 2)

/**
 * The people in the order of the rule above. `mentioned` is newest entry
 * first, as `recentMentions` gives it. Pure, so the rule is tested without files.
 */
export function rankPeople(
  people: readonly StoredPerson[],
  mentioned: ReadonlyArray<{ day: string; ids: ReadonlySet<string> }>
): Array<{ person: StoredPerson; newest?: string }> {
  const ranked = people.map((person, order) => {
    const first = mentioned.findIndex((m) => m.ids.has(person.id))
    const times = mentioned.filter((m) => m.ids.has(person.id)).length
    return { person, order, first: first === -1 ? Number.POSITIVE_INFINITY : first, times, newest: first === -1 ? undefined : mentioned[first]?.day }
  })
  ranked.sort((a, b) => a.first - b.first || b.times - a.times || relationRank(a.person) - relationRank(b.person) || a.order - b.order)
  return ranked.map(({ person, newest }) => (newest === undefined ? { person } : { person, newest }))
}

const clean = (text: string | undefined): string | undefined => (text?.trim() ? text.replace(/\s+/g, ' ').trim() : undefined)
const words = (list: readonly string[] | undefined): string[] => (list ?? []).map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean)

/** The section, or null when the client has no people (an empty section is left out). */
export async function peopleOf(vault: Vault, people: readonly StoredPerson[], entries: readonly EntrySummary[], zone: string): Promise<BriefPeople | null> {
  const named = people.filter((p) => p.name.trim())
  // Most clients have no people recorded: then no entry is read at all.
  if (named.length === 0) return null
  const ranked = rankPeople(named, await recentMentions(vault, entries))
  const shown = capped(ranked, briefLimits.people)
  return {
    kind: 'people',
    items: shown.items.map(({ person, newest }) => stakeholderOf(person, newest === undefined ? undefined : (dayOf(newest, zone) ?? newest.slice(0, 10)))),
    more: shown.more
  }
}

function stakeholderOf(person: StoredPerson, mentioned: string | undefined): BriefStakeholder {
  const fields: Omit<BriefStakeholder, 'personId' | 'name' | 'likes' | 'dislikes'> = {}
  const role = clean(person.role)
  if (role) fields.role = role
  if (person.relation) fields.relation = person.relation
  if (person.trust?.current) fields.trust = person.trust.current
  if (person.style?.channel) fields.channel = person.style.channel
  if (person.style?.detail) fields.detail = person.style.detail
  if (person.style?.opening) fields.opening = person.style.opening
  if (mentioned) fields.mentioned = mentioned
  return {
    personId: person.id,
    name: person.name.replace(/\s+/g, ' ').trim(),
    ...fields,
    likes: capped(words(person.person?.likes), briefLimits.personLikes),
    dislikes: capped(words(person.person?.dislikes), briefLimits.personLikes)
  }
}
