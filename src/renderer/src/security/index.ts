/** Encryption: the lock screen, locking, and the confirmation before text leaves the vault unencrypted. */
export { LockGate } from './LockGate'
export { PlainExportConfirm } from './PlainExportConfirm'
export { SecurityCommands } from './SecurityCommands'
