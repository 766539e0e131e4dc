/**
 * The Electron end of the bridge: one invoke channel for calls and one channel for pushed
 * events, carrying the same envelopes as the WebSocket. Calls from any frame but our own page
 * are refused before anything runs.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import type { CoreConnection } from '../core/worker/core-connection'
import { createLogger } from '../core/logger'
import { ipcChannels } from '../../src-shared/bridge/preload-api'

const log = createLogger('ipc')

export interface IpcBridge {
  /** Starts pushing core's events to this window; returns the stop. */
  attachWindow(contents: WebContents): () => void
  close(): Promise<void>
}

export function serveBridgeOverIpc(
  core: CoreConnection,
  isTrustedPage: (url: string) => boolean,
): IpcBridge {
  ipcMain.handle(ipcChannels.call, (event: IpcMainInvokeEvent, envelope: unknown) => {
    const url = event.senderFrame?.url ?? ''
    if (!isTrustedPage(url)) {
      log.warn('refused a call from an untrusted frame')
      return {
        id: '',
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'Calls are accepted from Kedai only.' },
      }
    }
    return core.handle(envelope)
  })

  return {
    attachWindow(contents) {
      const unsubscribe = core.subscribe((event) => {
        if (!contents.isDestroyed()) contents.send(ipcChannels.event, event)
      })
      contents.once('destroyed', unsubscribe)
      return unsubscribe
    },
    async close() {
      ipcMain.removeHandler(ipcChannels.call)
      await core.drain()
    },
  }
}
