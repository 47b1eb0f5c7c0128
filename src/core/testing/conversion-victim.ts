/**
 * A process that turns encryption on (or off) for a vault and prints a dot
 * for every file written: the victim of the conversion kill test, which
 * kills it at a random moment. Usage: conversion-victim VAULT encrypt|decrypt PASSPHRASE
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { VAULT_HEADER_FILE } from '../crypto/key-check'
import { createVaultKey, unlockVaultKey } from '../crypto/vault-key'
import { decryptVault, encryptVault } from '../security/conversion'

const [root, direction, passphrase] = process.argv.slice(2)
if (!root || !passphrase || (direction !== 'encrypt' && direction !== 'decrypt')) throw new Error('usage: conversion-victim VAULT encrypt|decrypt PASSPHRASE')
const progress = { afterFile: () => void process.stdout.write('.') }
if (direction === 'encrypt') {
  const { header, key } = await createVaultKey(passphrase, { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 })
  await encryptVault(root, header, key, progress)
} else {
  const key = await unlockVaultKey(passphrase, JSON.parse(await readFile(join(root, VAULT_HEADER_FILE), 'utf8')))
  await decryptVault(root, key, progress)
}
process.stdout.write('done\n')
