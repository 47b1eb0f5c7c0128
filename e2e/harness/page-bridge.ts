/// <reference path="../page-globals.d.ts" />
/**
 * Runs inside the page under test, before the app's own scripts: builds
 * `window.rapport` with the same `createRapportApi` that preload uses, over
 * Playwright bindings that reach the real core in the test process.
 */
import type { EventName } from '../../src/shared/api'
import { createRapportApi } from '../../src/shared/rapport-client'

const listeners = new Map<EventName, Set<(payload: unknown) => void>>()

window.__rapportEmit = (event, payload) => {
  for (const listener of listeners.get(event) ?? []) listener(payload)
}

Object.defineProperty(window, 'rapport', {
  value: Object.freeze(
    createRapportApi({
      invoke: (channel, input) => window.__rapportInvoke(channel, input),
      subscribe(event, listener) {
        const set = listeners.get(event) ?? new Set()
        listeners.set(event, set)
        set.add(listener)
        return () => set.delete(listener)
      }
    })
  ),
  writable: false
})
