import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Nodes } from 'mdast'
import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../shared/markdown'
import { briefSection } from '../shared/contract/brief'
import type { Clock } from './relationship/viewpoint'
import { openTestVault } from './testing/open-vault'
import { tempDir } from './testing/temp-vault'

/**
 * One rule for text a person typed into a field of client.json (a commitment,
 * an interaction's note, notes about the person, style notes and questions a
 * reflection added): it is not Markdown, so every view shows it exactly as
 * typed. Only text quoted from entries is read as Markdown (the excerpt rule).
 */

/** Monday 23 November 2026, 10:00 in London. */
const clock: Clock = { now: () => new Date('2026-11-23T10:00:00Z'), timeZone: () => 'Europe/London' }

const typed = {
  // The example: the brief showed "123I am a dolphin too!".
  commitment: '123<a href="https://example.com">I am a dolphin too!</a>',
  note: 'Called about <Q2> _budget_ and report_final_v2, 2 * 3 teams',
  personNotes: '**Not** bold, <i>not</i> italic, [not](javascript:alert(1)) a link',
  styleNote: 'Wants <b>numbers</b> before *stories*',
  question: 'Who signs `off` on <Q3>?',
  personAtClient: 'Prefers <em>email</em> over calls_'
}

/** What a Markdown reader shows of a document: its text, with every escape undone. */
function shownText(markdown: string): string {
  const walk = (node: Nodes): string =>
    node.type === 'text' || node.type === 'inlineCode' || node.type === 'html'
      ? node.value
      : 'children' in node
        ? (node.children as Nodes[]).map(walk).join(node.type === 'tableRow' ? ' | ' : '')
        : ' '
  return walk(parseMarkdown(markdown))
}

/** Inline HTML in what a Markdown reader gets: each would be markup, not the characters typed. */
function htmlNodes(markdown: string): string[] {
  const found: string[] = []
  const walk = (node: Nodes): void => {
    if (node.type === 'html') found.push(node.value)
    else if ('children' in node) (node.children as Nodes[]).forEach(walk)
  }
  walk(parseMarkdown(markdown))
  return found
}

describe('what a person typed into a field shows as typed in every view', () => {
  it('brief, its Markdown, Today, the Commitments view, the timeline, search and the export all keep every character', async () => {
    const { call, dir, indexes } = await openTestVault(undefined, { clock })
    const client = await call('clients:create', { name: 'Dolphin Co' })
    const clientId = client.id
    await call('commitments:add', { clientId, by: 'me', what: typed.commitment, due: '2026-11-23' })
    await call('interactions:add', { clientId, at: '2026-11-20T10:00:00Z', channel: 'phone', direction: 'out', outcome: 'conversation', note: typed.note })
    await call('clients:update-profile', { id: clientId, patch: { person: { notes: typed.personNotes } } })
    const { person: priya } = await call('people:add', { clientId, name: 'Priya Raman' })
    await call('people:update', { clientId, id: priya.id, patch: { notes: typed.personAtClient } })
    // Style notes and questions arrive from a reflection; the person may have reworded them before adding.
    const entry = await call('entries:create', { clientId, title: 'Retro', body: 'Nothing marked here.\n' })
    await call('templates:apply', {
      entryId: entry.id,
      items: [
        { kind: 'style-note', text: typed.styleNote },
        { kind: 'question', text: typed.question }
      ]
    })

    const brief = await call('brief:get', { clientId })
    expect(briefSection(brief, 'commitments')?.mine.items.map((c) => c.what)).toEqual([typed.commitment])
    expect(briefSection(brief, 'style')?.learned.items.map((n) => n.text)).toEqual([typed.styleNote])
    expect(briefSection(brief, 'next-time')?.questions.items.map((q) => q.text)).toEqual([typed.question])
    expect(briefSection(brief, 'conversations')?.items.map((c) => c.note)).toEqual([typed.note])
    expect(briefSection(brief, 'person')?.notes).toBe(typed.personNotes)

    // The brief as Markdown escapes them: a Markdown reader shows the same characters, and no HTML.
    const { markdown } = await call('brief:markdown', { clientId })
    for (const text of [typed.commitment, typed.styleNote, typed.question, typed.note, typed.personNotes]) expect(shownText(markdown)).toContain(text)
    expect(htmlNodes(markdown)).toEqual([])

    const today = await call('today:get', undefined)
    expect(today.commitments.mine.map((c) => c.what)).toEqual([typed.commitment])
    expect(today.commitments.mine[0]?.line).toContain(`“${typed.commitment}”`)

    const listed = await call('commitments:list-all', undefined)
    expect(listed.map((item) => item.commitment.what)).toEqual([typed.commitment])

    const timeline = await call('timeline:get', { clientId })
    expect(timeline.map((event) => event.label)).toContain(`You promised: ${typed.commitment}`)

    await indexes.search.indexed()
    const dolphin = await call('search:query', { query: 'dolphin' })
    expect(dolphin.results.find((r) => r.kind === 'commitment')?.title).toBe(typed.commitment)
    const budget = await call('search:query', { query: 'budget' })
    expect(budget.results.find((r) => r.kind === 'interaction')?.snippet).toBe(typed.note)

    const out = await tempDir()
    try {
      await call('export:run', { scope: { client: clientId }, target: out })
      const files = (await readdir(out, { recursive: true })).map(String)
      const file = await readFile(join(out, files.find((f) => f.endsWith('profile.md')) ?? 'profile.md'), 'utf8')
      const profile = file.replace(/^---\n[\s\S]*?\n---\n/, '')
      for (const text of Object.values(typed)) expect(shownText(profile)).toContain(text)
      expect(htmlNodes(profile)).toEqual([])
    } finally {
      await rm(out, { recursive: true, force: true })
    }
    await rm(dir, { recursive: true, force: true })
  })

  it('text quoted from an entry still follows the excerpt rule: its Markdown is read, not shown', async () => {
    // The real clock: the entry is written now, and the conversation logged at that moment is past.
    const { call, dir } = await openTestVault()
    const { id: clientId } = await call('clients:create', { name: 'Gist Co' })
    // An entry written on the day of a conversation is its gist.
    const entry = await call('entries:create', { clientId, title: 'Call', body: 'We agreed on **the pilot** and <b>the price</b>.\n' })
    await call('interactions:add', { clientId, at: entry.created, channel: 'phone', direction: 'out', outcome: 'conversation' })
    const brief = await call('brief:get', { clientId })
    expect(briefSection(brief, 'conversations')?.items[0]?.gist?.text).toBe('We agreed on the pilot and the price.')
    await rm(dir, { recursive: true, force: true })
  })
})
