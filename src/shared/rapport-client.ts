import type { EventName, Events, RapportApi, Result } from './api'
import { eventNames, isChannel } from './api'

/** How `window.rapport` reaches the core: Electron IPC in the app, a Playwright binding in the e2e harness. */
export interface Transport {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void
}

/**
 * Builds the `window.rapport` object from the contract's channel and event
 * names. Preload and the e2e harness both call this, so the page sees the
 * same API in the app and in tests; nothing outside the contract gets through.
 */
export function createRapportApi(transport: Transport): RapportApi {
  return {
    invoke: (async (channel: string, input: unknown) => {
      if (!isChannel(channel)) {
        return { ok: false, error: { code: 'unknown-channel', message: `Rapport has no operation called "${channel}".` } }
      }
      return transport.invoke(channel, input)
    }) as RapportApi['invoke'],
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
      if (!eventNames.includes(event)) throw new Error(`Rapport has no event called "${event}".`)
      return transport.subscribe(event, listener as (payload: unknown) => void)
    }
  }
}
