import { describe, expect, it } from 'vitest'
import type { ClientFile } from '../../shared/domain'
import { addToClient, alreadyHas } from './client-additions'

const base = (): ClientFile => ({
  format: 1,
  id: 'c_1',
  name: 'Dana',
  style: { notes: 'Likes a short agenda.' },
  commitments: [],
  interactions: [],
  people: [],
  tags: []
})
const link = { entryId: 'e_1', today: '2026-11-22', where: 'clients/dana/client.json' }

describe('adding accepted items to a client record', () => {
  it('adds each kind where it belongs, linked to its entry', () => {
    const client = base()
    const result = addToClient(
      client,
      [
        { kind: 'style-note', text: 'Numbers before stories' },
        { kind: 'commitment-mine', text: 'Send the revised scope', due: '2026-11-30' },
        { kind: 'commitment-theirs', text: 'Confirm the budget' },
        { kind: 'question', text: 'Who else signs off?' }
      ],
      link
    )
    expect(client.styleNotes).toEqual([{ text: 'Numbers before stories', entry: 'e_1', at: '2026-11-22' }])
    expect(client.commitments).toEqual([
      {
        id: expect.stringMatching(/^k_[0-9A-Z]{26}$/),
        by: 'me',
        what: 'Send the revised scope',
        due: '2026-11-30',
        status: 'open',
        createdAt: '2026-11-22',
        entry: 'e_1'
      },
      { id: expect.stringMatching(/^k_/), by: 'client', what: 'Confirm the budget', status: 'open', createdAt: '2026-11-22', entry: 'e_1' }
    ])
    expect(client.questions).toEqual([{ id: expect.stringMatching(/^q_[0-9A-Z]{26}$/), text: 'Who else signs off?', entry: 'e_1', createdAt: '2026-11-22' }])
    expect(result.added.map((a) => a.kind)).toEqual(['style-note', 'commitment-mine', 'commitment-theirs', 'question'])
    expect(result.added[1]).toMatchObject({ id: client.commitments[0]?.id, due: '2026-11-30' })
    expect(result.skipped).toEqual([])
  })

  it('adds nothing twice, and nothing already written by hand in the style notes', () => {
    const client = base()
    addToClient(client, [{ kind: 'question', text: 'Who else signs off?' }], link)
    const again = addToClient(
      client,
      [
        { kind: 'question', text: 'who else signs off' },
        { kind: 'style-note', text: 'likes a short agenda' },
        { kind: 'commitment-mine', text: 'Call' },
        { kind: 'commitment-mine', text: 'call' }
      ],
      link
    )
    expect(again.added.map((a) => a.text)).toEqual(['Call'])
    expect(again.skipped.map((s) => s.text)).toEqual(['who else signs off', 'likes a short agenda', 'call'])
    expect(client.questions).toHaveLength(1)
    expect(client.styleNotes).toBeUndefined()
  })

  it('keeps what a person wrote in the lists, and refuses to add to a list it cannot read', () => {
    const client = { ...base(), styleNotes: [{ text: 'Mine', source: 'by hand' }] } as ClientFile
    addToClient(client, [{ kind: 'style-note', text: 'Another' }], link)
    expect(client.styleNotes).toEqual([
      { text: 'Mine', source: 'by hand' },
      { text: 'Another', entry: 'e_1', at: '2026-11-22' }
    ])

    const broken = { ...base(), questions: 'ask about the budget' } as unknown as ClientFile
    expect(() => addToClient(broken, [{ kind: 'style-note', text: 'X' }], link)).toThrow(
      /clients\/dana\/client\.json: "questions" is not a list Rapport can read/
    )
    expect(broken.styleNotes).toBeUndefined()
  })

  it('copes with a hand-written file that has no commitments list', () => {
    const sparse = { format: 1, id: 'c_2', name: 'Sparse' } as ClientFile
    expect(alreadyHas(sparse, 'commitment-mine', 'x')).toBe(false)
    addToClient(sparse, [{ kind: 'commitment-theirs', text: 'Sign' }], link)
    expect(sparse.commitments).toHaveLength(1)
  })
})
