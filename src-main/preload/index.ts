/**
 * The preload: puts exactly one object, `window.kedai`, into the isolated page. It forwards
 * envelopes on two fixed channels and never hands out `ipcRenderer` itself.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type {
  EventEnvelope,
  RequestEnvelope,
  ResponseEnvelope,
} from '../../src-shared/bridge/envelope'
import {
  ipcChannels,
  preloadGlobalName,
  type PreloadBridge,
} from '../../src-shared/bridge/preload-api'

const bridge: PreloadBridge = {
  call: (envelope: RequestEnvelope) =>
    ipcRenderer.invoke(ipcChannels.call, envelope) as Promise<ResponseEnvelope>,
  onEvent(listener: (event: EventEnvelope) => void) {
    const forward = (_event: IpcRendererEvent, envelope: EventEnvelope) => listener(envelope)
    ipcRenderer.on(ipcChannels.event, forward)
    return () => {
      ipcRenderer.removeListener(ipcChannels.event, forward)
    }
  },
}

contextBridge.exposeInMainWorld(preloadGlobalName, bridge)
