import { KeyedQueue } from '../fs/keyed-queue'
import type { ClientStore } from './client-store'

const queues = new WeakMap<ClientStore, KeyedQueue>()

/**
 * The one queue of changes to each client.json of a vault, keyed by client
 * id: the profile, commitments, people… are changed by different features,
 * and a change read-modify-writes the file, so two must never interleave.
 */
export function clientQueueOf(vault: { readonly clients: ClientStore }): KeyedQueue {
  let queue = queues.get(vault.clients)
  if (!queue) queues.set(vault.clients, (queue = new KeyedQueue()))
  return queue
}
