import { z } from 'zod'
import { returns } from './define'

/** A problem Rapport can repair without guessing what the person meant, and what the repair will do. */
export interface SafeRepair {
  path: string
  reason: string
  /** What the repair does, in words ("add an id (and a title and date from its file name)"). */
  fix: string
}

/** A problem only a person can settle: `reason` says what to do. */
export interface RepairAdvice {
  path: string
  reason: string
}

export interface RepairPlan {
  repairs: SafeRepair[]
  advice: RepairAdvice[]
}

export interface RepairOutcome {
  /** What was done, one line per file. */
  fixed: Array<{ path: string; action: string }>
  /** Vault-relative folder holding the files as they were before the repair; absent when no file was changed in place. */
  backup?: string
  /** Repairs asked for and not made, with why (not safe, or the problem changed since it was shown). */
  refused: Array<{ path: string; reason: string }>
  /** What is left, read again after the repair. */
  plan: RepairPlan
}

const vaultPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.split(/[\\/]/).includes('..') && !/^([a-zA-Z]:)?[\\/]/.test(p), 'The path must stay inside the vault.')

/** `rapport doctor --fix` in the window: the same checks, the same copies before any change. */
export const doctorContract = {
  /** Every problem doctor finds: those it can repair safely (with what it would do), and the rest as advice. */
  'doctor:plan': { input: z.void(), output: returns<RepairPlan>() },
  /**
   * Makes the repairs the person saw and chose, each named by its path and the `fix` they were shown: a repair whose
   * problem is gone or now reads differently is refused, as is one that is not safe, so nothing is done unseen.
   */
  'doctor:repair': {
    input: z.object({
      repairs: z
        .array(z.object({ path: vaultPath, fix: z.string().min(1).max(2000) }))
        .min(1, 'Choose a repair to make.')
        .max(10_000)
    }),
    output: returns<RepairOutcome>()
  }
} as const
