import { z } from 'zod'
import type { VaultInfo } from '../domain'
import { returns } from './define'

export const vaultContract = {
  'vault:info': { input: z.void(), output: returns<VaultInfo>() }
} as const
