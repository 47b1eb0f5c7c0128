import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Brief } from '../shared/contract/brief'
import { briefToMarkdown } from '../core/brief/brief-markdown'
import { tempDir } from '../core/testing/temp-vault'
import { rapport } from './testing/run-cli'

/** A day relative to today in UTC (the zone these tests set). */
const daysFromToday = (n: number): string => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10)

async function editJson(path: string, change: (data: Record<string, unknown>) => void): Promise<void> {
  const data = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>
  change(data)
  await writeFile(path, JSON.stringify(data, null, 2))
}

/** A vault in UTC, its dates in British English (with no language chosen the CLI writes the computer's), with Dana, who has a profile, commitments both ways, a conversation with an entry that day, and a question. */
async function vaultWithDana(): Promise<string[]> {
  const vault = await tempDir()
  const v = ['--vault', vault]
  await rapport(['init', ...v])
  await editJson(join(vault, 'rapport.json'), (data) => {
    data.settings = { timeZone: 'UTC', locale: 'en-GB' }
  })
  await rapport(['client', 'add', 'Dana Whitfield', ...v])
  await rapport(['client', 'add', 'Sam Okafor', ...v])
  await rapport(['new', '--client', 'dana', '--title', 'Scope call', ...v], '## Summary\n\nShe wants the scope in writing by Friday.\n')
  // The call was a minute before the entry was written (taken from its own front matter, so both fall on one day even at midnight).
  const journal = join(vault, 'clients/dana-whitfield/journal')
  const [entryFile] = await readdir(journal)
  const written = /^created: (\S+)$/m.exec(await readFile(join(journal, entryFile ?? ''), 'utf8'))?.[1]
  if (!written) throw new Error('the entry has no created date')
  const callAt = new Date(Math.max(Date.parse(written) - 60_000, Date.parse(written.slice(0, 10)))).toISOString()
  await editJson(join(vault, 'clients/dana-whitfield/client.json'), (data) => {
    Object.assign(data, {
      organisation: 'Northwind',
      role: 'COO',
      style: { channel: 'phone', timeZone: 'Europe/London' },
      commitments: [
        { id: 'k_1', by: 'me', what: 'Send the revised scope', due: daysFromToday(-3), status: 'open', createdAt: daysFromToday(-10) },
        { id: 'k_2', by: 'client', what: 'Share the budget', due: daysFromToday(20), status: 'open', createdAt: daysFromToday(-10) }
      ],
      // The same day as the entry written by `rapport new`, so the gist is that entry's summary.
      interactions: [{ id: 'i_1', at: callAt, channel: 'phone', direction: 'out', outcome: 'conversation', note: 'Scope call' }],
      questions: [{ id: 'q_1', text: 'Who else signs off?', createdAt: daysFromToday(-1) }]
    })
  })
  return v
}

/** The footer says when the brief was made, to the minute: two runs a moment apart may differ there only. */
const withoutFooter = (markdown: string): string => markdown.replace(/\n_Prepared .+\._\n?$/, '')

describe('rapport brief', () => {
  it('prints the brief for people, as Markdown, from the same core function as the app', async () => {
    const v = await vaultWithDana()
    const md = await rapport(['brief', 'Dana', 'Whitfield', ...v])
    expect(md.code).toBe(0)
    expect(md.out).toMatch(/^# Dana Whitfield — Northwind\n\nCOO · Stage: First contact since /)
    expect(md.out).toContain('## How they like to do business\n\n- Prefers phone\n- Their time now: ')
    // A day in another year (20 days ahead on 31 December) is written with its year: "Wed, 20 Jan 2027".
    expect(md.out).toMatch(/\*\*You promised\*\*\n\n- Send the revised scope — \*\*overdue since \w{3},? \d{1,2} \w{3}( \d{4})?\*\*\n/)
    expect(md.out).toMatch(/\*\*They promised\*\*\n\n- Share the budget — due \w{3},? \d{1,2} \w{3}( \d{4})?/)
    expect(md.out).toMatch(
      /## Last conversations\n\n- \*\*\w{3},? \d{1,2} \w{3}( \d{4})?\*\* · Phone · conversation — Scope call\n {2}- She wants the scope in writing by Friday\. \(\[Scope call\]\(clients\/dana-whitfield\/journal\/[\w-]+\.md\)\)\n/
    )
    expect(md.out).toContain('## Next time\n\n**Ask**\n\n- Who else signs off?')

    const json = await rapport(['brief', 'dana', '--format', 'json', ...v])
    expect(json.code).toBe(0)
    const brief = JSON.parse(json.out) as Brief
    expect(brief.name).toBe('Dana Whitfield')
    expect(brief.sections.map((s) => s.kind)).toEqual(['who', 'relationship', 'style', 'commitments', 'conversations', 'next-time'])
    expect(withoutFooter(md.out)).toBe(withoutFooter(briefToMarkdown(brief)))
  })

  it('gives JSON with --json too, and a brief with nothing but a name and what the first stage means for a new client', async () => {
    const v = await vaultWithDana()
    const json = await rapport(['brief', 'Sam Okafor', '--json', ...v])
    expect(json.code).toBe(0)
    expect(JSON.parse(json.out)).toMatchObject({
      name: 'Sam Okafor',
      sections: [
        { kind: 'who', stage: { level: 'first-contact' } },
        { kind: 'relationship', stage: { level: 'first-contact', means: 'Nothing is owed yet.' } }
      ]
    })
    const md = await rapport(['brief', 'sam', ...v])
    expect(md.out.split('\n')).toEqual([
      '# Sam Okafor',
      '',
      expect.stringMatching(/^Stage: First contact since \d{1,2} \w{3} · Client since /),
      '',
      '_First contact:_ Nothing is owed yet. Earn a first meeting with a reason that is about them.',
      '',
      expect.stringMatching(/^_Prepared /),
      ''
    ])
  })

  it('reports an unknown client with exit 1, and wrong usage with exit 2', async () => {
    const v = await vaultWithDana()
    expect(await rapport(['brief', 'Nobody', ...v])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/No client is called "Nobody"\. "rapport clients" lists them\.$/)
    })
    expect(await rapport(['brief', ...v])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^Whose brief\?.*\nUsage: rapport brief NAME \[--format md\|json\]$/)
    })
    expect(await rapport(['brief', 'dana', '--format', 'pdf', ...v])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^--format is md or json, not "pdf"\./)
    })
    expect((await rapport(['--help'])).out).toMatch(/\n {2}brief +The prep brief of a client/)
    expect((await rapport(['brief', '--help'])).out).toMatch(/^Usage: rapport brief NAME \[--format md\|json\]\n/)
  })
})
