import { gcmsiv } from '@noble/ciphers/aes.js'
import { hkdf } from '@noble/hashes/hkdf.js'
import { hmac } from '@noble/hashes/hmac.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { describe, expect, it } from 'vitest'
import { RapportError } from '../errors'
import { decryptName, deriveNameKeys, encryptName, MAX_ENCRYPTED_NAME_LENGTH, MAX_NAME_BYTES, splitConflictSuffix } from './names'

const namesKey = Uint8Array.from({ length: 32 }, (_, i) => 255 - i)
const otherKey = Uint8Array.from({ length: 32 }, (_, i) => i)
const parent = 'clients/anna/journal'

function errorOf(fn: () => unknown): RapportError {
  try {
    fn()
  } catch (error) {
    if (error instanceof RapportError) return error
    throw error
  }
  throw new Error('expected a RapportError')
}

/** Physical length for a name of `bytes` UTF-8 bytes: padded to 16, plus a 16-byte tag, in base64url. */
const expectedLength = (bytes: number) => Math.ceil((((Math.floor(bytes / 16) + 1) * 16 + 16) * 4) / 3)

describe('encrypted names (AES-GCM-SIV, one path segment)', () => {
  const names = [
    'client.json',
    'journal',
    '2026-11-22.md',
    'Café Ünïcødé',
    '📓 notes 👩‍👩‍👧.md',
    'CON',
    'con.txt',
    'NUL',
    ' leading space',
    '.hidden',
    'a'.repeat(MAX_NAME_BYTES)
  ]

  it('round-trips, giving names that are safe on every disk', () => {
    for (const name of names) {
      const physical = encryptName(namesKey, parent, name)
      expect(physical).toMatch(/^[A-Za-z0-9_-]+$/)
      expect(physical.length).toBeGreaterThanOrEqual(43)
      expect(physical.length).toBeLessThanOrEqual(MAX_ENCRYPTED_NAME_LENGTH)
      expect(decryptName(namesKey, parent, physical)).toBe(name)
    }
    expect(MAX_ENCRYPTED_NAME_LENGTH).toBe(214)
  })

  it('is the documented construction: HMAC-SHA256 nonce from the parent, 7816-4 padding, base64url', () => {
    const expand = (info: string) => hkdf(sha256, namesKey, undefined, new TextEncoder().encode(info), 32)
    const parentBytes = new TextEncoder().encode(parent)
    const nonce = hmac(sha256, expand('rapport names v1 nonce'), parentBytes).subarray(0, 12)
    const padded = new Uint8Array(16)
    padded.set(new TextEncoder().encode('journal'))
    padded[7] = 0x80
    const expected = Buffer.from(gcmsiv(expand('rapport names v1 aes-gcm-siv'), nonce, parentBytes).encrypt(padded)).toString('base64url')
    expect(encryptName(namesKey, parent, 'journal')).toBe(expected)
  })

  it('is deterministic in one folder, and unrelated across folders and keys', () => {
    const a = encryptName(namesKey, parent, 'client.json')
    expect(encryptName(namesKey, parent, 'client.json')).toBe(a)
    const elsewhere = encryptName(namesKey, 'clients/bob/journal', 'client.json')
    const root = encryptName(namesKey, '', 'client.json')
    const otherVault = encryptName(otherKey, parent, 'client.json')
    expect(new Set([a, elsewhere, root, otherVault]).size).toBe(4)
  })

  it('gives the same names from keys derived once (as VaultKey keeps them) as from the names key, and leaves that key intact', () => {
    const kept = deriveNameKeys(namesKey)
    const physical = encryptName(kept, parent, 'client.json')
    expect(physical).toBe(encryptName(namesKey, parent, 'client.json'))
    expect(decryptName(kept, parent, physical)).toBe('client.json')
    expect(namesKey.some((byte) => byte !== 0)).toBe(true)
    expect(kept.sivKey.some((byte) => byte !== 0)).toBe(true)
  })

  it('treats the same folder spelled in NFC or NFD as one folder', () => {
    expect(encryptName(namesKey, 'clients/caf\u00e9', 'x')).toBe(encryptName(namesKey, 'clients/cafe\u0301', 'x'))
  })

  it('hides the extension: names differing only there share nothing visible', () => {
    const md = encryptName(namesKey, parent, 'notes.md')
    const txt = encryptName(namesKey, parent, 'notes.txt')
    expect(md).not.toContain('.')
    expect(md.slice(0, 8)).not.toBe(txt.slice(0, 8))
    expect(md.slice(-8)).not.toBe(txt.slice(-8))
  })

  it('leaks the length only to 16-byte blocks', () => {
    const lengths = [1, 7, 15, 16, 31, 32, 100, MAX_NAME_BYTES].map((bytes) => encryptName(namesKey, parent, 'x'.repeat(bytes)).length)
    expect(lengths).toEqual([1, 7, 15, 16, 31, 32, 100, MAX_NAME_BYTES].map(expectedLength))
    // 1 to 15 bytes all look alike; 16 is the next size up.
    expect(lengths[0]).toBe(lengths[2])
    expect(lengths[3]).toBeGreaterThan(lengths[2] ?? 0)
  })

  it('refuses names that are not one segment, or are not text', () => {
    for (const hostile of ['', '.', '..', '../', '../etc', 'a/b', 'a\\b', 'a\0b', '\uD800lone surrogate'])
      expect(errorOf(() => encryptName(namesKey, parent, hostile)).code).toBe('invalid-input')
  })

  it(`refuses names over ${MAX_NAME_BYTES} bytes, counting UTF-8 bytes, with a message saying the limit`, () => {
    const error = errorOf(() => encryptName(namesKey, parent, 'a'.repeat(255)))
    expect(error.code).toBe('invalid-input')
    expect(error.message).toContain(`at most ${MAX_NAME_BYTES} bytes`)
    expect(errorOf(() => encryptName(namesKey, parent, 'a'.repeat(MAX_NAME_BYTES + 1))).code).toBe('invalid-input')
    // 36 emoji are 72 UTF-16 units but 144 bytes.
    expect(errorOf(() => encryptName(namesKey, parent, '📓'.repeat(36))).code).toBe('invalid-input')
    expect(decryptName(namesKey, parent, encryptName(namesKey, parent, `${'📓'.repeat(35)}abc`))).toBe(`${'📓'.repeat(35)}abc`)
  })

  it('refuses a folder path with more than one spelling', () => {
    for (const badParent of ['clients/', '/clients', 'clients//anna', 'clients/../anna', './clients', 'clients\\anna'])
      expect(errorOf(() => encryptName(namesKey, badParent, 'x')).code).toBe('invalid-input')
  })

  it('decrypts only what it produced, for that folder, with that key', () => {
    const physical = encryptName(namesKey, parent, 'client.json')
    const changed = `${physical[0] === 'A' ? 'B' : 'A'}${physical.slice(1)}`
    const cases = [
      ['a plain name', () => decryptName(namesKey, parent, 'client.json')],
      ['a name moved from another folder', () => decryptName(namesKey, 'clients/bob/journal', physical)],
      ['another key', () => decryptName(otherKey, parent, physical)],
      ['a changed character', () => decryptName(namesKey, parent, changed)],
      ['a truncated name', () => decryptName(namesKey, parent, physical.slice(0, -4))],
      ['a conflict suffix left on', () => decryptName(namesKey, parent, `${physical}.sync-conflict-20261122-103000-ABCDEFG`)],
      ['an absurdly long name', () => decryptName(namesKey, parent, 'A'.repeat(400))],
      ['nothing', () => decryptName(namesKey, parent, '')]
    ] as const
    for (const [, attempt] of cases) expect(errorOf(attempt).code).toBe('cannot-decrypt')
  })

  it('refuses a second base64url spelling of the same bytes', () => {
    const physical = encryptName(namesKey, parent, 'client.json')
    // 32 bytes use 43 characters; the last one carries 2 unused bits, so flipping its lowest bit keeps the bytes.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const last = alphabet.indexOf(physical.at(-1) ?? '')
    const respelled = `${physical.slice(0, -1)}${alphabet[last ^ 1]}`
    expect(Buffer.from(respelled, 'base64url').equals(Buffer.from(physical, 'base64url'))).toBe(true)
    expect(errorOf(() => decryptName(namesKey, parent, respelled)).code).toBe('cannot-decrypt')
  })

  it('refuses authentic ciphertext whose plaintext encryptName would never have made (bad padding, a slash)', () => {
    const expand = (info: string) => hkdf(sha256, namesKey, undefined, new TextEncoder().encode(info), 32)
    const parentBytes = new TextEncoder().encode(parent)
    const nonce = hmac(sha256, expand('rapport names v1 nonce'), parentBytes).subarray(0, 12)
    const forge = (padded: Uint8Array) => Buffer.from(gcmsiv(expand('rapport names v1 aes-gcm-siv'), nonce, parentBytes).encrypt(padded)).toString('base64url')
    const noMarker = new Uint8Array(16).fill(0x61)
    const slash = new Uint8Array(16)
    slash.set(new TextEncoder().encode('../x'))
    slash[4] = 0x80
    const badUtf8 = Uint8Array.of(0xff, 0x80, ...new Array<number>(14).fill(0))
    for (const padded of [noMarker, slash, badUtf8, new Uint8Array(16)])
      expect(errorOf(() => decryptName(namesKey, parent, forge(padded))).code).toBe('cannot-decrypt')
  })

  it('separates the conflict suffixes sync tools append, leaving a name that decrypts', () => {
    const physical = encryptName(namesKey, parent, '2026-11-22.md')
    expect(splitConflictSuffix(physical)).toEqual({ encryptedName: physical, conflict: null })
    const copies = {
      Syncthing: `${physical}.sync-conflict-20261122-103000-ABCDEFG`,
      Dropbox: `${physical} (Anna's conflicted copy 2026-11-22)`,
      Nextcloud: `${physical}_conflict-20261122-103000`,
      Rapport: `${physical}.rapport-conflict-20261122-103000`
    }
    for (const [tool, name] of Object.entries(copies)) {
      const split = splitConflictSuffix(name)
      expect(split?.encryptedName).toBe(physical)
      expect(split?.conflict).toEqual({ tool, suffix: name.slice(physical.length) })
      expect(decryptName(namesKey, parent, split?.encryptedName ?? '')).toBe('2026-11-22.md')
    }
  })

  it('does not claim names Rapport did not encrypt', () => {
    for (const stray of ['notes.md', 'client.json', '.DS_Store', 'notes.sync-conflict-20261122-103000-ABCDEFG.md', 'abc_conflict-20261122-103000'])
      expect(splitConflictSuffix(stray)).toBeNull()
  })
})
