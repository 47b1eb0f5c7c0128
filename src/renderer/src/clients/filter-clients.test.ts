import { describe, expect, it } from 'vitest'
import type { ClientSummary } from '../../../shared/domain'
import { filterClients } from './filter-clients'

const client = (name: string, organisation?: string): ClientSummary => ({
  id: name,
  name,
  entryCount: 0,
  path: `clients/${name}`,
  ...(organisation ? { organisation } : {})
})

describe('filterClients', () => {
  const clients = [client('Zoë Laurent'), client('Dana Whitfield', 'Northwind Traders'), client('ÅSA Berg')]

  it('ignores case and accents', () => {
    expect(filterClients(clients, 'zoe').map((c) => c.name)).toEqual(['Zoë Laurent'])
    expect(filterClients(clients, 'asa').map((c) => c.name)).toEqual(['ÅSA Berg'])
    expect(filterClients(clients, 'LAURENT').map((c) => c.name)).toEqual(['Zoë Laurent'])
  })

  it('matches the organisation too, and an empty query keeps everyone', () => {
    expect(filterClients(clients, 'northwind').map((c) => c.name)).toEqual(['Dana Whitfield'])
    expect(filterClients(clients, '  ')).toHaveLength(3)
  })
})
