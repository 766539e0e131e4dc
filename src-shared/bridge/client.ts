/**
 * The renderer's end of the bridge, typed by the contract and blind to the transport under it
 * (Electron IPC or the loopback WebSocket).
 */
import type { EventEnvelope, RequestEnvelope, ResponseEnvelope, Result } from './envelope'
import type { EventName, MethodName, ParamsOf, PayloadOf, ResultOf } from './contract'

export interface BridgeTransport {
  /** Carries one call to core; resolves with core's answer, or rejects when the line is down. */
  request(envelope: RequestEnvelope): Promise<ResponseEnvelope>
  /** Delivers every event core pushes; returns the unsubscribe. */
  subscribe(listener: (event: EventEnvelope) => void): () => void
}

export interface BridgeClient {
  call<M extends MethodName>(method: M, params: ParamsOf<M>): Promise<Result<ResultOf<M>>>
  on<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void): () => void
}

export const defaultCallTimeoutMs = 30_000

export function createBridgeClient(
  transport: BridgeTransport,
  options: { timeoutMs?: number } = {},
): BridgeClient {
  const timeoutMs = options.timeoutMs ?? defaultCallTimeoutMs
  let nextId = 0

  async function call<M extends MethodName>(
    method: M,
    params: ParamsOf<M>,
  ): Promise<Result<ResultOf<M>>> {
    const envelope: RequestEnvelope = { id: `c${++nextId}`, method, params }
    let timer: ReturnType<typeof setTimeout> | undefined
    const timedOut = new Promise<ResponseEnvelope>((resolve) => {
      timer = setTimeout(
        () =>
          resolve({
            id: envelope.id,
            ok: false,
            error: { code: 'TIMEOUT', message: `Kedai did not answer "${method}" in time.` },
          }),
        timeoutMs,
      )
    })
    try {
      const response = await Promise.race([transport.request(envelope), timedOut])
      // The transport checked the envelope's shape; the contract gives the value its type.
      return response.ok
        ? { ok: true, value: response.value as ResultOf<M> }
        : { ok: false, error: response.error }
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause)
      return { ok: false, error: { code: 'DISCONNECTED', message: reason } }
    } finally {
      clearTimeout(timer)
    }
  }

  function on<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void) {
    return transport.subscribe((envelope) => {
      if (envelope.event === event) listener(envelope.payload as PayloadOf<E>)
    })
  }

  return { call, on }
}
