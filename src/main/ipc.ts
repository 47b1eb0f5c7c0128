import { ipcMain } from 'electron'
import type { IpcMainInvokeEvent } from 'electron'
import { channelNames } from '@shared/api'
import type { Result } from '@shared/api'
import { isAppUrl } from './security'

/**
 * Registers one handler per channel of the contract. Each checks that the
 * call comes from the app's own page (not a frame or page that got in
 * somehow) before handing the input to the core, which validates it.
 */
export function registerIpc(dispatch: (channel: unknown, input: unknown) => Promise<Result<unknown>>): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      const url = event.senderFrame?.url ?? ''
      if (!isAppUrl(url) || event.senderFrame?.parent) {
        return { ok: false, error: { code: 'permission-denied', message: 'This request did not come from Rapport’s own window.' } }
      }
      return dispatch(channel, input)
    })
  }
}
