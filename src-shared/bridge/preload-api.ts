/** The one object the Electron preload puts on `window`, and the name it goes by. */
import type { EventEnvelope, RequestEnvelope, ResponseEnvelope } from './envelope'

export const preloadGlobalName = 'kedai'

export interface PreloadBridge {
  call(envelope: RequestEnvelope): Promise<ResponseEnvelope>
  onEvent(listener: (event: EventEnvelope) => void): () => void
}

/** The two IPC channels between the preload and the main process. */
export const ipcChannels = { call: 'kedai:call', event: 'kedai:event' } as const
