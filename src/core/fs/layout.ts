import { join } from 'node:path'

/**
 * Where things live inside a vault (see README "The vault"). Every path the
 * core builds goes through here, so the layout is written down once.
 */
export const layout = {
  manifest: 'rapport.json',
  clientsDir: 'clients',
  clientFile: 'client.json',
  journalDir: 'journal',
  templatesDir: 'templates',
  appDir: '.rapport',
  trashDir: join('.rapport', 'trash')
} as const

/** Vault-relative paths use forward slashes on every OS, so they read the same in messages, JSON and tests. */
export const toVaultPath = (...parts: string[]): string => parts.join('/').replace(/\\/g, '/')

export const clientFolder = (slug: string): string => toVaultPath(layout.clientsDir, slug)
export const clientJournal = (slug: string): string => toVaultPath(layout.clientsDir, slug, layout.journalDir)
