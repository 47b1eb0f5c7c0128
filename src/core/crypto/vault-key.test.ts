import { describe, expect, it } from 'vitest'
import { RapportError } from '../errors'
import { deriveMasterKey, deriveSubkeys } from './kdf'
import type { KdfCost } from './kdf'
import { makeKeyCheck, parseVaultHeader, verifyKeyCheck } from './key-check'
import { sealFile } from './envelope'
import { createVaultKey, unlockVaultKey, VaultKey } from './vault-key'

const cheap: KdfCost = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 }
const path = 'clients/anna/journal/2026-11-22.md'
const text = new TextEncoder().encode('Private notes')

async function rejection(promise: Promise<unknown>): Promise<RapportError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof RapportError) return error
    throw error
  }
  throw new Error('expected a RapportError')
}

const isZero = (bytes: Uint8Array) => bytes.every((byte) => byte === 0)

describe('unlocking: the key check', () => {
  it('unlocks with the right passphrase, from the header as stored (JSON)', async () => {
    const { header, key } = await createVaultKey('correct horse battery staple', cheap)
    const sealed = key.seal(text, path)
    const physical = key.encryptName('clients', 'anna')
    const stored = JSON.parse(JSON.stringify(header)) as unknown
    const again = await unlockVaultKey('correct horse battery staple', stored)
    expect(Buffer.from(again.open(sealed, path)).toString()).toBe('Private notes')
    expect(again.decryptName('clients', physical)).toBe('anna')
  })

  it('says clearly that a wrong passphrase is wrong, and changes nothing', async () => {
    const { header } = await createVaultKey('correct horse battery staple', cheap)
    const before = JSON.stringify(header)
    for (const wrong of ['correct horse battery stapler', 'Correct horse battery staple', 'x']) {
      const error = await rejection(unlockVaultKey(wrong, header))
      expect(error.code).toBe('wrong-passphrase')
      expect(error.message).toMatch(/passphrase does not unlock this vault/)
    }
    expect(JSON.stringify(header)).toBe(before)
  })

  it('refuses to unlock when the stored salt or costs were changed', async () => {
    const { header } = await createVaultKey('pass', cheap)
    const otherSalt = { ...header, kdf: { ...header.kdf, salt: Buffer.alloc(16, 1).toString('base64') } }
    const otherCost = { ...header, kdf: { ...header.kdf, iterations: 2 } }
    expect((await rejection(unlockVaultKey('pass', otherSalt))).code).toBe('wrong-passphrase')
    expect((await rejection(unlockVaultKey('pass', otherCost))).code).toBe('wrong-passphrase')
  })

  it('calls a damaged header a broken file, not a wrong passphrase', async () => {
    const { header } = await createVaultKey('pass', cheap)
    for (const damaged of [
      {},
      { ...header, format: 'other' },
      { ...header, version: 2 },
      { ...header, keyCheck: undefined },
      { ...header, kdf: { ...header.kdf, algorithm: 'md5' } }
    ])
      expect((await rejection(unlockVaultKey('pass', damaged))).code).toBe('broken-file')
    expect(() => parseVaultHeader('not json')).toThrow(RapportError)
  })

  it('does not accept a real file sealed with the right key in place of the key check', async () => {
    const master = await deriveMasterKey('pass', (await createVaultKey('pass', cheap)).header.kdf)
    const { contentKey } = deriveSubkeys(master)
    expect(() => verifyKeyCheck(contentKey, makeKeyCheck(contentKey))).not.toThrow()
    const impostor = Buffer.from(sealFile(contentKey, new TextEncoder().encode('rapport key check v1'), 'rapport-key-check')).toString('base64')
    expect(() => verifyKeyCheck(contentKey, impostor)).toThrow(expect.objectContaining({ code: 'wrong-passphrase' }))
    expect(() => verifyKeyCheck(contentKey, 'AAAA')).toThrow(expect.objectContaining({ code: 'wrong-passphrase' }))
  })
})

describe('VaultKey: keys only in memory, until lock()', () => {
  it('zeroes the very key bytes it was given and refuses every use afterwards', () => {
    const contentKey = Uint8Array.from({ length: 32 }, (_, i) => i + 1)
    const namesKey = Uint8Array.from({ length: 32 }, (_, i) => 200 - i)
    const key = new VaultKey({ contentKey, namesKey })
    const sealed = key.seal(text, path)
    const physical = key.encryptName('clients', 'anna')
    expect(Buffer.from(key.open(sealed, path)).toString()).toBe('Private notes')
    expect(isZero(contentKey) || isZero(namesKey)).toBe(false)
    expect(key.locked).toBe(false)

    key.lock()

    expect(key.locked).toBe(true)
    expect(isZero(contentKey)).toBe(true)
    expect(isZero(namesKey)).toBe(true)
    const uses = [
      () => key.seal(text, path),
      () => key.open(sealed, path),
      () => key.encryptName('clients', 'anna'),
      () => key.decryptName('clients', physical)
    ]
    for (const use of uses) expect(use).toThrow(expect.objectContaining({ code: 'locked', message: expect.stringMatching(/vault is locked/) }))
    expect(() => key.lock()).not.toThrow()
  })
})
