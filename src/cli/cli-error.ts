import type { ErrorCode } from '../shared/api'

/** A problem the CLI reports (exit 1), or wrong usage (exit 2). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
    /** The core's error code, when the core refused (a `conflict`, say). */
    readonly code?: ErrorCode
  ) {
    super(message)
  }
}

export const usageError = (message: string): CliError => new CliError(message, 2)
