/** What changed in a vault: one entry or client (`removed` when it is gone), or everything (`reloaded`: read again from disk). */
export type VaultChange = { kind: 'entry'; id: string; removed?: true } | { kind: 'client'; id: string; removed?: true } | { kind: 'reloaded' }
export type VaultChangeListener = (change: VaultChange) => void
