import type { ParseArgsConfig } from 'node:util'
import type { CliContext } from './context'

export interface ParsedArgs {
  positionals: string[]
  values: Record<string, string | boolean | undefined>
}

/** One verb of the CLI: a small module each, listed in main.ts. */
export interface CliCommand {
  name: string
  usage: string
  summary: string
  options?: NonNullable<ParseArgsConfig['options']>
  /**
   * Only `init` and commands that add to the vault may create one; any other
   * command, given a folder that is not a vault, says so (exit 1) instead of
   * leaving a new vault behind a typo.
   */
  mayCreateVault?: boolean
  /** Returns the exit code when it is not 0 (for example doctor finding problems). */
  run(ctx: CliContext, args: ParsedArgs): Promise<number | void>
}
