import { argon2id } from '@noble/hashes/argon2.js'
import { hkdf } from '@noble/hashes/hkdf.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { describe, expect, it } from 'vitest'
import { RapportError } from '../errors'
import { DEFAULT_KDF_COST, deriveMasterKey, deriveSubkeys, newKdfParams, parseKdfParams } from './kdf'
import type { KdfCost } from './kdf'

// Argon2id's smallest sensible cost: the tests check wiring, not strength, and must stay fast.
const cheap: KdfCost = { algorithm: 'argon2id', memoryKiB: 64, iterations: 3, parallelism: 2 }

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn()
  } catch (error) {
    if (error instanceof RapportError) return error.code
    throw error
  }
  return undefined
}

describe('key derivation (Argon2id + HKDF)', () => {
  it('defaults to the stated cost: Argon2id, 64 MiB, 2 passes, 1 lane', () => {
    expect(DEFAULT_KDF_COST).toEqual({ algorithm: 'argon2id', memoryKiB: 65536, iterations: 2, parallelism: 1 })
    expect(Object.isFrozen(DEFAULT_KDF_COST)).toBe(true)
    const params = newKdfParams()
    expect(params).toMatchObject({ version: 1, ...DEFAULT_KDF_COST })
  })

  it('gives every vault its own random 16-byte salt, stored as base64', () => {
    const a = newKdfParams(cheap)
    const b = newKdfParams(cheap)
    expect(Buffer.from(a.salt, 'base64')).toHaveLength(16)
    expect(a.salt).not.toBe(b.salt)
  })

  it('is exactly Argon2id v1.3 with the stored salt and costs (m, t and p not mixed up)', async () => {
    const params = newKdfParams(cheap)
    const key = await deriveMasterKey('correct horse', params)
    const expected = argon2id('correct horse', Buffer.from(params.salt, 'base64'), { m: 64, t: 3, p: 2, dkLen: 32, version: 0x13 })
    expect(key).toHaveLength(32)
    expect(Buffer.from(key).equals(Buffer.from(expected))).toBe(true)
  })

  it('gives the same key for the same passphrase however its accents were typed, and another key for another passphrase or salt', async () => {
    const params = newKdfParams(cheap)
    const nfc = await deriveMasterKey('caf\u00e9 du matin', params)
    const nfd = await deriveMasterKey('cafe\u0301 du matin', params)
    expect(Buffer.from(nfd).equals(Buffer.from(nfc))).toBe(true)
    const other = await deriveMasterKey('cafe du matin', params)
    expect(Buffer.from(other).equals(Buffer.from(nfc))).toBe(false)
    const otherSalt = await deriveMasterKey('caf\u00e9 du matin', newKdfParams(cheap))
    expect(Buffer.from(otherSalt).equals(Buffer.from(nfc))).toBe(false)
  })

  it('refuses an empty passphrase', async () => {
    await expect(deriveMasterKey('', newKdfParams(cheap))).rejects.toMatchObject({ code: 'invalid-input' })
  })

  it('derives the content and names keys with HKDF-SHA256 and the stated info strings, then zeroes the master key', () => {
    const master = Uint8Array.from({ length: 32 }, (_, i) => i + 1)
    const copy = master.slice()
    const { contentKey, namesKey } = deriveSubkeys(master)
    const expected = (info: string) => Buffer.from(hkdf(sha256, copy, undefined, new TextEncoder().encode(info), 32))
    expect(Buffer.from(contentKey).equals(expected('rapport content v1'))).toBe(true)
    expect(Buffer.from(namesKey).equals(expected('rapport names v1'))).toBe(true)
    expect(Buffer.from(contentKey).equals(Buffer.from(namesKey))).toBe(false)
    expect([...master].every((byte) => byte === 0)).toBe(true)
  })

  it('treats stored parameters it cannot trust as a broken header, before any work', () => {
    const good = newKdfParams(cheap)
    expect(parseKdfParams(JSON.parse(JSON.stringify(good)))).toEqual(good)
    const broken = [
      { ...good, algorithm: 'scrypt' },
      { ...good, version: 2 },
      { ...good, salt: Buffer.alloc(8).toString('base64') },
      { ...good, salt: 'not base64!' },
      { ...good, memoryKiB: 4 * 1024 * 1024 },
      { ...good, iterations: 0 },
      { ...good, iterations: 1.5 },
      { ...good, parallelism: 4, memoryKiB: 16 },
      null
    ]
    for (const params of broken) expect(codeOf(() => parseKdfParams(params))).toBe('broken-file')
  })
})
