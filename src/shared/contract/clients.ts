import { z } from 'zod'
import type { ClientSummary } from '../domain'
import { displayName } from '../domain'
import { id, returns } from './define'

export const clientsContract = {
  'clients:list': { input: z.void(), output: returns<ClientSummary[]>() },
  'clients:create': { input: z.object({ name: displayName }), output: returns<ClientSummary>() },
  'clients:rename': { input: z.object({ id, name: displayName }), output: returns<ClientSummary>() },
  'clients:trash': { input: z.object({ id }), output: returns<void>() }
} as const
