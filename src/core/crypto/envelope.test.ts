import { xchacha20poly1305 } from '@noble/ciphers/chacha.js'
import { describe, expect, it } from 'vitest'
import { RapportError } from '../errors'
import { ENVELOPE_OVERHEAD, openFile, sealFile } from './envelope'

const key = Uint8Array.from({ length: 32 }, (_, i) => i * 7)
const otherKey = Uint8Array.from({ length: 32 }, (_, i) => i * 7 + 1)
const path = 'clients/anna/journal/2026-11-22.md'
const text = new TextEncoder().encode('# Call with Anna\n\nShe is worried about the merger. 🌧️\n')

/** The error openFile throws, so each test can check it is the typed one and names the file. */
function openError(sealed: Uint8Array, atPath = path, withKey = key): RapportError {
  try {
    openFile(withKey, sealed, atPath)
  } catch (error) {
    if (error instanceof RapportError) return error
    throw error
  }
  throw new Error('openFile accepted a file it should have refused')
}

describe('sealed files (RPE1 + nonce + XChaCha20-Poly1305)', () => {
  it('round-trips any bytes, empty included', () => {
    for (const plain of [text, new Uint8Array(0), Uint8Array.from({ length: 100_000 }, (_, i) => i % 251)]) {
      const sealed = sealFile(key, plain, path)
      expect(sealed).toHaveLength(plain.length + ENVELOPE_OVERHEAD)
      expect(Buffer.from(openFile(key, sealed, path)).equals(Buffer.from(plain))).toBe(true)
    }
  })

  it('is RPE1, a 24-byte nonce, then XChaCha20-Poly1305 with the magic and path as associated data', () => {
    const sealed = sealFile(key, text, path)
    expect(Buffer.from(sealed.subarray(0, 4)).toString('latin1')).toBe('RPE1')
    expect(ENVELOPE_OVERHEAD).toBe(4 + 24 + 16)
    const aad = new TextEncoder().encode(`RPE1${path}`)
    const plain = xchacha20poly1305(key, sealed.subarray(4, 28), aad).decrypt(sealed.subarray(28))
    expect(Buffer.from(plain).equals(Buffer.from(text))).toBe(true)
  })

  it('uses a fresh nonce each time, so the same text sealed twice does not look the same', () => {
    const a = sealFile(key, text, path)
    const b = sealFile(key, text, path)
    expect(Buffer.from(a.subarray(4, 28)).equals(Buffer.from(b.subarray(4, 28)))).toBe(false)
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false)
  })

  it('refuses a file with any single bit changed: magic, nonce, ciphertext or tag', () => {
    const sealed = sealFile(key, text, path)
    for (let i = 0; i < sealed.length; i++) {
      const tampered = sealed.slice()
      tampered[i] = (tampered[i] ?? 0) ^ 0x01
      const error = openError(tampered)
      expect(error.code).toBe('cannot-decrypt')
      expect(error.path).toBe(path)
      expect(error.message).toContain(`${path} cannot be decrypted`)
    }
  })

  it('refuses a file cut short anywhere', () => {
    const sealed = sealFile(key, text, path)
    for (const length of [0, 3, 4, 27, 28, 43, sealed.length - 16, sealed.length - 1]) expect(openError(sealed.subarray(0, length)).code).toBe('cannot-decrypt')
  })

  it('refuses a file moved or copied to another path, so entries cannot be swapped', () => {
    const sealed = sealFile(key, text, path)
    for (const elsewhere of ['clients/bob/journal/2026-11-22.md', 'clients/anna/journal/2026-11-23.md', `${path} `, ''])
      expect(openError(sealed, elsewhere).code).toBe('cannot-decrypt')
  })

  it('refuses a file sealed with another key', () => {
    expect(openError(sealFile(otherKey, text, path)).code).toBe('cannot-decrypt')
  })

  it('says so when a plain file is found where a sealed one should be', () => {
    const error = openError(text)
    expect(error.code).toBe('cannot-decrypt')
    expect(error.message).toContain('not an encrypted Rapport file')
  })

  it('refuses a key of the wrong size rather than silently using it', () => {
    expect(() => sealFile(key.subarray(0, 16), text, path)).toThrow(RapportError)
  })
})
