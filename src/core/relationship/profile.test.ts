import { describe, expect, it } from 'vitest'
import { profilePatchSchema } from '../../shared/contract/relationship'
import { addCommitment, isActive, toCommitment, updateCommitment } from './commitments'
import { addInteraction, deleteInteraction, updateInteraction } from './interactions'
import { applyProfilePatch, cleanTags, setStage, setTrust } from './profile'
import type { StoredClient } from './stored-client'

const base = (): StoredClient => ({
  crmId: 'NW-42',
  format: 1,
  id: 'c_1',
  name: 'Dana',
  contact: { phone: '+44 20 7946 0000', linkedin: 'dana-w' },
  style: { channel: 'phone', notes: 'Prefers mornings', mood: 'calm' },
  stage: { current: 'first-contact', history: [{ stage: 'first-contact', at: '2026-01-10' }] },
  tags: ['retainer'],
  extra: { nested: [1, 2] }
})
const now = new Date('2026-11-23T10:00:00Z')
const patch = (input: unknown) => profilePatchSchema.parse(input)

describe('a profile patch', () => {
  it('sets, removes and leaves fields alone, keeping unknown fields and the order of keys', () => {
    const client = base()
    applyProfilePatch(
      client,
      patch({ organisation: 'Northwind', contact: { email: 'dana@northwind.example', phone: null }, style: { channel: 'email', timeZone: 'Europe/London' } })
    )
    expect(Object.keys(client)).toEqual(['crmId', 'format', 'id', 'name', 'contact', 'style', 'stage', 'tags', 'extra', 'organisation'])
    expect(client.contact).toEqual({ linkedin: 'dana-w', email: 'dana@northwind.example' })
    expect(Object.keys(client.style ?? {})).toEqual(['channel', 'notes', 'mood', 'timeZone'])
    expect(client.style).toMatchObject({ channel: 'email', notes: 'Prefers mornings', mood: 'calm' })
    expect(client.extra).toEqual({ nested: [1, 2] })
  })

  it('creates a section only when it puts something in it', () => {
    const client = base()
    applyProfilePatch(
      client,
      patch({ business: { goals: null }, person: { likes: ['jazz'], dates: [{ label: 'birthday', date: '1980-03-14', source: 'LinkedIn' }] } })
    )
    expect(client.business).toBeUndefined()
    expect(client.person).toEqual({ likes: ['jazz'], dates: [{ label: 'birthday', date: '1980-03-14', source: 'LinkedIn' }] })
  })

  it('cleans tags and sets or clears the follow-up', () => {
    const client = base()
    applyProfilePatch(client, patch({ tags: [' retainer ', 'Retainer', '', 'vip'], followUp: '2026-11-28' }))
    expect(client.tags).toEqual(['retainer', 'vip'])
    expect(client.followUp).toBe('2026-11-28')
    applyProfilePatch(client, patch({ followUp: null }))
    expect('followUp' in client).toBe(false)
    expect(cleanTags([])).toEqual([])
  })

  it('is refused for misspelt fields, unknown values and dates that do not exist', () => {
    expect(profilePatchSchema.safeParse({ style: { chanel: 'email' } }).success).toBe(false)
    expect(profilePatchSchema.safeParse({ style: { channel: 'pigeon' } }).success).toBe(false)
    expect(profilePatchSchema.safeParse({ style: { timeZone: 'London' } }).success).toBe(false)
    expect(profilePatchSchema.safeParse({ followUp: '2026-02-30' }).success).toBe(false)
    expect(profilePatchSchema.safeParse({ person: { dates: [{ label: 'x', date: '14/03/1980' }] } }).success).toBe(false)
    expect(profilePatchSchema.safeParse({ contact: { website: 'https://northwind.example' } }).success).toBe(true)
  })
})

describe('stage and trust', () => {
  it('record each change with its date and why, and nothing when it does not change', () => {
    const client = base()
    expect(setStage(client, 'first-meeting', '  Coffee at the office ', now)).toBe(true)
    expect(client.stage).toEqual({
      current: 'first-meeting',
      history: [
        { stage: 'first-contact', at: '2026-01-10' },
        { stage: 'first-meeting', at: '2026-11-23T10:00:00.000Z', note: 'Coffee at the office' }
      ]
    })
    expect(setStage(client, 'first-meeting', 'again', now)).toBe(false)
    expect(client.stage?.history).toHaveLength(2)
    expect(setTrust(client, 'friend', undefined, now)).toBe(true)
    expect(client.trust).toEqual({ current: 'friend', history: [{ trust: 'friend', at: '2026-11-23T10:00:00.000Z' }] })
  })
})

describe('commitments', () => {
  it('are added open, in the documented key order', () => {
    const client = base()
    const k = addCommitment(client, { by: 'me', what: 'Send the revised scope', due: '2026-11-25', entry: 'e_1' }, now)
    expect(k.id).toMatch(/^k_[0-9A-Z]{26}$/)
    expect(Object.keys(k)).toEqual(['id', 'by', 'what', 'due', 'status', 'createdAt', 'entry'])
    expect(k).toMatchObject({ status: 'open', createdAt: '2026-11-23T10:00:00.000Z' })
    expect(client.commitments).toEqual([k])
  })

  it('keep the old due date when renegotiated, and know when they were closed or reopened', () => {
    const client = base()
    const { id } = addCommitment(client, { by: 'client', what: 'Sign the contract', due: '2026-11-25' }, now)
    const later = new Date('2026-11-24T09:00:00Z')
    const moved = updateCommitment(client, id, { status: 'renegotiated', due: '2026-12-02', note: 'Legal needs a week' }, later)
    expect(moved).toMatchObject({
      due: '2026-12-02',
      status: 'renegotiated',
      history: [{ at: '2026-11-24T09:00:00.000Z', due: '2026-11-25', status: 'open', note: 'Legal needs a week' }]
    })
    expect(isActive(moved)).toBe(true)
    expect('closedAt' in moved).toBe(false)

    const done = updateCommitment(client, id, { status: 'done' }, new Date('2026-12-01T15:00:00Z'))
    expect(done.closedAt).toBe('2026-12-01T15:00:00.000Z')
    expect(toCommitment(done).history).toHaveLength(2)
    const reopened = updateCommitment(client, id, { status: 'open' }, new Date('2026-12-03T15:00:00Z'))
    expect('closedAt' in reopened).toBe(false)

    const before = JSON.stringify(client)
    updateCommitment(client, id, { status: 'open', due: '2026-12-02' }, now)
    expect(JSON.stringify(client)).toBe(before)
  })

  it('can lose their due date and their entry, and say which id is unknown', () => {
    const client = base()
    const { id } = addCommitment(client, { by: 'me', what: 'Call back', due: '2026-11-25', entry: 'e_1' }, now)
    const changed = updateCommitment(client, id, { due: null, entry: null, what: 'Call back about the budget' }, now)
    expect(changed).not.toHaveProperty('due')
    expect(changed).not.toHaveProperty('entry')
    expect(changed.what).toBe('Call back about the budget')
    expect(() => updateCommitment(client, 'k_nope', { status: 'done' }, now)).toThrow(
      expect.objectContaining({ code: 'not-found', message: expect.stringMatching(/Dana has no commitment with the id k_nope/) })
    )
  })
})

describe('interactions', () => {
  it('are added now unless told otherwise, changed and deleted by id', () => {
    const client = base()
    const call = addInteraction(client, { channel: 'phone', direction: 'out', outcome: 'no-reply' }, now)
    expect(call).toEqual({ id: expect.stringMatching(/^i_/), at: '2026-11-23T10:00:00.000Z', channel: 'phone', direction: 'out', outcome: 'no-reply' })
    const mail = addInteraction(client, { at: '2026-11-20', channel: 'email', direction: 'in', outcome: 'conversation', note: 'Replied' }, now)
    updateInteraction(client, call.id, { outcome: 'left-message', note: 'Voicemail' })
    updateInteraction(client, mail.id, { note: null })
    expect(client.interactions?.map((i) => [i.outcome, i.note])).toEqual([
      ['left-message', 'Voicemail'],
      ['conversation', undefined]
    ])
    deleteInteraction(client, call.id)
    expect(client.interactions?.map((i) => i.id)).toEqual([mail.id])
    expect(() => deleteInteraction(client, call.id)).toThrow(expect.objectContaining({ code: 'not-found' }))
  })
})
