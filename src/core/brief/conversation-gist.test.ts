import { describe, expect, it } from 'vitest'
import type { Entry } from '../../shared/domain'
import { gistOf } from './conversation-gist'

const entryWith = (body: string): Entry => ({
  id: 'e_1',
  clientId: 'c_1',
  title: 'Pasted from an email',
  created: '2026-11-20T10:00:00Z',
  updated: '2026-11-20T10:00:00Z',
  tags: [],
  excerpt: '',
  path: 'clients/northwind/journal/2026-11-20-pasted.md',
  body,
  fields: {},
  version: 'v1'
})

describe('gistOf', () => {
  it('gives the words of a deeply nested quote or list, not a row of its markers', () => {
    expect(gistOf(entryWith(`${'> '.repeat(200)}She wants the numbers first.\n`), 'UTC').text).toBe('She wants the numbers first.')
    expect(gistOf(entryWith(`${'- '.repeat(100)}Send the deck.\n`), 'UTC').text).toBe('Send the deck.')
    expect(gistOf(entryWith(`${'> - '.repeat(50)}Quoted reply in a list.\n`), 'UTC').text).toBe('Quoted reply in a list.')
  })
})
