import type { ApiError, ErrorCode } from '../shared/api'

/** An error meant for a person: its message is shown as it is. */
export class RapportError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly path?: string
  ) {
    super(message)
    this.name = 'RapportError'
  }

  toApiError(): ApiError {
    return this.path === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, path: this.path }
  }
}

const nodeErrorCodes: Record<string, { code: ErrorCode; reason: string }> = {
  ENOSPC: { code: 'disk-full', reason: 'the disk is full' },
  EDQUOT: { code: 'disk-full', reason: 'the disk quota is used up' },
  EACCES: { code: 'permission-denied', reason: 'permission was denied' },
  EPERM: { code: 'permission-denied', reason: 'the operation is not permitted' },
  EROFS: { code: 'read-only', reason: 'the disk is read-only' },
  ENOENT: { code: 'not-found', reason: 'the file does not exist' },
  EISDIR: { code: 'io', reason: 'a folder is in the way' },
  ENAMETOOLONG: { code: 'io', reason: 'the name is too long for this disk' }
}

/**
 * Turns a Node file-system error into a RapportError that says, in plain
 * words, what was being done, to which file, and why it failed.
 */
export function fileError(error: unknown, doing: string, relativePath: string): RapportError {
  if (error instanceof RapportError) return error
  const nodeCode = (error as NodeJS.ErrnoException | undefined)?.code
  const known = nodeCode ? nodeErrorCodes[nodeCode] : undefined
  const reason = known?.reason ?? (error instanceof Error ? error.message : String(error))
  const tail = known?.code === 'disk-full' ? ' Your text is kept; free some space and it will be saved.' : ''
  return new RapportError(known?.code ?? 'io', `Could not ${doing} ${relativePath}: ${reason}.${tail}`, relativePath)
}
