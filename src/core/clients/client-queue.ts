import { KeyedQueue } from '../fs/keyed-queue'
import type { Vault } from '../vault/vault'

const queues = new WeakMap<Vault, KeyedQueue>()

/**
 * The one queue of changes to each client.json of a vault, keyed by client
 * id: the profile, commitments, people… are changed by different features,
 * and a change read-modify-writes the file, so two must never interleave.
 */
export function clientQueueOf(vault: Vault): KeyedQueue {
  let queue = queues.get(vault)
  if (!queue) queues.set(vault, (queue = new KeyedQueue()))
  return queue
}
