import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { stages, trustLevels } from '../../shared/domain'
import type { Interaction } from '../../shared/contract/relationship'
import { checkoutResourcesDir } from '../resources'
import { tempDir } from '../testing/temp-vault'
import { balanceOf } from './balance'
import { guidanceFor, loadGuidance } from './guidance'
import { attemptsBeforeConversations, perseveranceOf, typicalAttempts } from './perseverance'
import { valueGivenOf } from './value-given'

const ZONE = 'Europe/London'
let n = 0
const interaction = (at: string, direction: 'out' | 'in', outcome: Interaction['outcome'], note?: string): Interaction => ({
  id: `i_${++n}`,
  at,
  channel: 'phone',
  direction,
  outcome,
  ...(note === undefined ? {} : { note })
})

describe('the guidance lines', () => {
  it('has, for every stage and trust rung, one short line of what it means and one of what moves it on, from the resource file', () => {
    const guidance = loadGuidance(checkoutResourcesDir)
    for (const stage of stages) {
      const line = guidanceFor(guidance, 'stage', stage)
      expect(line.means.length, stage).toBeGreaterThan(10)
      expect(line.means.length + line.next.length, `${stage} fits a printed line or two`).toBeLessThanOrEqual(93)
    }
    for (const rung of trustLevels) {
      const line = guidanceFor(guidance, 'trust', rung)
      expect(line.next.length, rung).toBeGreaterThan(10)
      expect(line.means.length + line.next.length, rung).toBeLessThanOrEqual(93)
    }
    expect(guidanceFor(guidance, 'stage', 'feedback')).toEqual({
      means: 'This is where relationships are tested.',
      next: "Respond, don't react, and run a retrospective."
    })
    expect(guidanceFor(guidance, 'stage', 'first-meeting').next).toMatch(/successful engagement/)
    expect(guidanceFor(guidance, 'trust', 'faithful').next).toMatch(/giving trust first/)
  })

  it('is read from the language’s file, falls back to English, and says what is missing in a file that is not complete', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'guidance'))
    const english = await readFile(join(checkoutResourcesDir, 'guidance/en.yaml'), 'utf8')
    await writeFile(join(dir, 'guidance/en.yaml'), english)
    await writeFile(join(dir, 'guidance/fr.yaml'), english.replace('This is where relationships are tested.', 'C’est là que la relation est mise à l’épreuve.'))
    expect(loadGuidance(dir, 'fr').stages.feedback.means).toBe('C’est là que la relation est mise à l’épreuve.')
    expect(loadGuidance(dir, 'de').stages.feedback.means).toBe('This is where relationships are tested.')
    const broken = await tempDir()
    await mkdir(join(broken, 'guidance'))
    await writeFile(join(broken, 'guidance/en.yaml'), english.replace(/ {2}forever:\n.*\n.*\n/, ''))
    expect(() => loadGuidance(broken)).toThrow(/guidance\/en\.yaml is not complete: trust\.forever/)
  })
})

describe('the balance of the relationship', () => {
  const rated = (created: string, fields: Record<string, unknown>) => ({ entryId: `e_${created}`, created, fields })

  it('is nothing until a reflection rates it', () => {
    expect(balanceOf([rated('2026-01-01T10:00:00Z', { mood: 4 })], ZONE)).toBeNull()
  })

  it('shows the latest of each part and its trend since the first rating: "all professional, nothing personal after two years" is visible', () => {
    const balance = balanceOf(
      [
        rated('2026-11-01T10:00:00Z', { mutual: 4, professional: 5, personal: 1 }),
        rated('2024-10-01T10:00:00Z', { mutual: 2, professional: 4, personal: 1 }),
        rated('2025-06-01T10:00:00Z', { mutual: '3', professional: 5, personal: 9 }),
        rated('2025-07-01T10:00:00Z', { mood: 3 })
      ],
      ZONE
    )
    expect(balance).toEqual({
      parts: {
        mutual: { value: 4, trend: 'up', ratings: 3 },
        professional: { value: 5, trend: 'up', ratings: 3 },
        // 9 is off the 1–5 scale: no rating.
        personal: { value: 1, trend: 'steady', ratings: 2 }
      },
      day: '2026-11-01',
      entryId: 'e_2026-11-01T10:00:00Z',
      since: '2024-10-01',
      ratings: 3
    })
    expect(balanceOf([rated('2026-11-01T10:00:00Z', { personal: 2 }), rated('2026-01-01T10:00:00Z', { personal: 4 })], ZONE)?.parts).toEqual({
      personal: { value: 2, trend: 'down', ratings: 2 }
    })
    expect(balanceOf([rated('2026-11-01T10:00:00Z', { personal: 2 })], ZONE)?.parts.personal?.trend).toBe('once')
  })
})

describe('value given, both ways', () => {
  it('counts value-shared interactions each way and keeps the latest of each, not one logged for later', () => {
    const now = new Date('2026-11-23T10:00:00Z')
    const value = valueGivenOf(
      [
        interaction('2026-11-03T09:00:00Z', 'out', 'value-shared', 'Introduced her to Lee at Contoso'),
        interaction('2026-10-12', 'out', 'value-shared', 'Sent the HBR piece on pricing'),
        interaction('2026-11-10T09:00:00Z', 'in', 'value-shared', 'She recommended us to Fabrikam'),
        interaction('2026-11-15T09:00:00Z', 'out', 'conversation'),
        interaction('2026-12-01T09:00:00Z', 'out', 'value-shared', 'Planned')
      ],
      now,
      ZONE
    )
    expect(value).toMatchObject({
      given: 2,
      received: 1,
      lastGiven: { day: '2026-11-03', channel: 'phone', note: 'Introduced her to Lee at Contoso' },
      lastReceived: { day: '2026-11-10', note: 'She recommended us to Fabrikam' }
    })
    expect(valueGivenOf([], now, ZONE)).toEqual({ given: 0, received: 0 })
  })
})

describe('perseverance, from the user’s own history', () => {
  it('counts the attempts each conversation took: unanswered ones plus the call that connected, or none when they started it', () => {
    const history = [
      interaction('2026-01-01', 'out', 'no-reply'),
      interaction('2026-01-02', 'out', 'left-message'),
      interaction('2026-01-03', 'out', 'conversation'), // 3 attempts
      interaction('2026-02-01', 'in', 'conversation'), // they called: not outreach
      interaction('2026-03-01', 'out', 'no-reply'),
      interaction('2026-03-05', 'in', 'conversation'), // 1 attempt, then they called back
      interaction('2026-04-01', 'out', 'meeting'), // 1
      interaction('2026-05-01', 'out', 'no-reply')
    ]
    expect(attemptsBeforeConversations(history, ZONE)).toEqual([3, 1, 1])
  })

  it('gives a typical figure only from enough runs, as the median', () => {
    expect(typicalAttempts([4, 2])).toBeUndefined()
    expect(typicalAttempts([4, 1, 5])).toBe(4)
    expect(typicalAttempts([2, 3, 4, 5])).toBe(4)
  })

  it('puts the unanswered count beside what this client and every client typically take, so four quiet calls read as normal', () => {
    expect(perseveranceOf(4, [4, 5, 3, 4], [2, 3, 3, 4, 5, 1], 'Dana')).toEqual({
      unanswered: 4,
      withClient: 4,
      acrossClients: 3,
      sentence: 'It usually takes you 4 attempts with Dana before a conversation (3 across clients).',
      brief: 'usually 4 with Dana, 3 across clients'
    })
    expect(perseveranceOf(2, [1], [2, 2, 3], 'Dana').sentence).toBe('It usually takes you 2 attempts across your clients before a conversation.')
    // Nothing waiting, or too little history: no sentence.
    expect(perseveranceOf(0, [4, 5, 3], [2, 3, 3], 'Dana').sentence).toBeUndefined()
    expect(perseveranceOf(3, [], [1], 'Dana')).toEqual({ unanswered: 3 })
  })
})
