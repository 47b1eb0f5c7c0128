import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../core/testing/temp-vault'
import { rapport } from './testing/run-cli'

/** A day relative to today in UTC (the zone these tests set), far enough from midnight edges to be stable. */
const daysFromToday = (n: number): string => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10)

async function editJson(path: string, change: (data: Record<string, unknown>) => void): Promise<void> {
  const data = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>
  change(data)
  await writeFile(path, JSON.stringify(data, null, 2))
}

describe('rapport CLI: the relationship', () => {
  it('says calmly that nothing needs you in an empty vault', async () => {
    const vault = await tempDir()
    expect(await rapport(['init', '--vault', vault])).toMatchObject({ code: 0 })
    const today = await rapport(['today', '--vault', vault])
    expect(today.code).toBe(0)
    expect(today.out).toMatch(/^Today, \d{4}-\d{2}-\d{2} \(.+\)\n\nNothing needs you today\.$/)
  })

  it('gives scripts stage, trust, commitments and attempts in `clients --json`, and the Today list in `today`', async () => {
    const vault = await tempDir()
    const v = ['--vault', vault]
    await rapport(['init', ...v])
    await editJson(join(vault, 'rapport.json'), (data) => {
      data.settings = { timeZone: 'UTC' }
    })
    await rapport(['client', 'add', 'Dana Whitfield', ...v])
    await rapport(['client', 'add', 'Sam Okafor', ...v])
    // Written by hand (or by another tool), as the documented format allows.
    await editJson(join(vault, 'clients/dana-whitfield/client.json'), (data) => {
      data.trust = { current: 'familiar', history: [] }
      data.followUp = daysFromToday(-2)
      data.commitments = [
        { id: 'k_1', by: 'me', what: 'Send the revised scope', due: daysFromToday(-3), status: 'open', createdAt: daysFromToday(-10) },
        { id: 'k_2', by: 'client', what: 'Share the budget', due: daysFromToday(20), status: 'open', createdAt: daysFromToday(-10) },
        { id: 'k_3', by: 'me', what: 'Intro to Sam', due: daysFromToday(-5), status: 'done', createdAt: daysFromToday(-10) }
      ]
      data.interactions = [
        { id: 'i_1', at: daysFromToday(-9), channel: 'phone', direction: 'out', outcome: 'conversation' },
        { id: 'i_2', at: daysFromToday(-6), channel: 'email', direction: 'out', outcome: 'no-reply' },
        { id: 'i_3', at: daysFromToday(-4), channel: 'phone', direction: 'out', outcome: 'left-message' }
      ]
    })

    const clients = JSON.parse((await rapport(['clients', '--json', ...v])).out) as Array<Record<string, unknown>>
    expect(clients.find((c) => c.name === 'Dana Whitfield')).toMatchObject({
      stage: 'first-contact',
      trust: 'familiar',
      openCommitments: 2,
      overdueCommitments: 1,
      unansweredAttempts: 2,
      followUp: daysFromToday(-2),
      followUpDue: true,
      quiet: false
    })
    expect(clients.find((c) => c.name === 'Sam Okafor')).toMatchObject({ openCommitments: 0, overdueCommitments: 0, unansweredAttempts: 0, followUpDue: false })

    const json = await rapport(['today', '--json', ...v])
    expect(json.code).toBe(0)
    const list = JSON.parse(json.out)
    expect(list).toMatchObject({ day: daysFromToday(0), timeZone: 'UTC', commitments: { theirs: [] }, importantDates: [], quiet: [] })
    expect(list.followUps).toEqual([
      expect.objectContaining({ clientName: 'Dana Whitfield', line: expect.stringMatching(/^Follow up — planned for .+ \(2 days ago\)$/) })
    ])
    expect(list.commitments.mine).toEqual([
      expect.objectContaining({ commitmentId: 'k_1', line: expect.stringMatching(/^You promised “Send the revised scope” — was due .+ \(3 days ago\)$/) })
    ])

    const text = await rapport(['today', ...v])
    expect(text.code).toBe(0)
    expect(text.out.split('\n')).toEqual([
      `Today, ${daysFromToday(0)} (UTC)`,
      '',
      'Follow-ups',
      expect.stringMatching(/^ {2}Dana Whitfield: Follow up — planned for/),
      '',
      'Your commitments',
      expect.stringMatching(/^ {2}Dana Whitfield: You promised “Send the revised scope” — was due/)
    ])
  })

  it('reports a wrong option as wrong usage', async () => {
    const vault = await tempDir()
    expect((await rapport(['today', '--soon', '--vault', vault])).code).toBe(2)
  })
})
