import type { z } from 'zod'
import type { clientFileSchema } from '../../shared/domain'

/**
 * client.json as it is on disk: validated when it was read, but raw — the
 * fields the schema would default (`commitments`, `interactions`, `tags`…)
 * may be missing, and unknown fields are there. Rules read it through
 * `?? []`; changes are made to it in place, so nothing is dropped or reordered.
 */
export type StoredClient = z.input<typeof clientFileSchema>
export type StoredCommitment = NonNullable<StoredClient['commitments']>[number]
export type StoredInteraction = NonNullable<StoredClient['interactions']>[number]

/** A readable client with its file, as the rules that look across clients take it. */
export interface ClientData {
  id: string
  name: string
  data: StoredClient
}
