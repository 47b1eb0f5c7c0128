/**
 * The preload script: exposes `window.rapport`, built from the contract, and nothing else.
 * It runs sandboxed, so it may only use Electron's renderer modules.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { createRapportApi } from '@shared/rapport-client'
import type { Result } from '@shared/api'

contextBridge.exposeInMainWorld(
  'rapport',
  createRapportApi({
    invoke: (channel, input) => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>,
    subscribe(event, listener) {
      const forward = (_event: Electron.IpcRendererEvent, payload: unknown): void => listener(payload)
      ipcRenderer.on(event, forward)
      return () => ipcRenderer.removeListener(event, forward)
    }
  })
)
