/**
 * Core's end of the bridge, shared by both transports: validates each envelope and its parameters,
 * runs the handler under a timeout, answers `{ok, value}` or `{ok: false, error}`, and drains the
 * calls in flight on shutdown.
 */
import { BridgeFailure, type BridgeError, type ErrorCode } from '../../src-shared/bridge/errors'
import { requestEnvelopeSchema, type ResponseEnvelope } from '../../src-shared/bridge/envelope'
import { isMethodName, methods, type CoreHandlers } from '../../src-shared/bridge/contract'
import { createLogger } from './logger'

const log = createLogger('bridge')

export interface BridgeServer {
  handle(raw: unknown): Promise<ResponseEnvelope>
  /** Refuses new calls and resolves once every call in flight has answered. */
  drain(): Promise<void>
  readonly inFlight: number
}

export interface BridgeServerOptions {
  timeoutMs?: number
}

export const defaultHandlerTimeoutMs = 20_000

export function createBridgeServer(
  handlers: CoreHandlers,
  options: BridgeServerOptions = {},
): BridgeServer {
  const timeoutMs = options.timeoutMs ?? defaultHandlerTimeoutMs
  const running = new Set<Promise<unknown>>()
  let draining = false

  async function handle(raw: unknown): Promise<ResponseEnvelope> {
    const envelope = requestEnvelopeSchema.safeParse(raw)
    if (!envelope.success) {
      const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : ''
      return fail(id, 'INVALID_INPUT', 'The request was not a well-formed call.')
    }
    const { id, method, params } = envelope.data
    if (draining) return fail(id, 'SHUTTING_DOWN', 'Kedai is closing; try again after it restarts.')
    if (!isMethodName(method)) return fail(id, 'UNKNOWN_METHOD', `There is no method "${method}".`)

    const parsed = methods[method].params.safeParse(params ?? {})
    if (!parsed.success) {
      const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ')
      return fail(id, 'INVALID_INPUT', `Invalid parameters for "${method}" at ${where}.`)
    }

    const work = run(method, parsed.data)
    running.add(work)
    try {
      return { id, ok: true, value: await work }
    } catch (cause) {
      return { id, ok: false, error: toBridgeError(method, cause) }
    } finally {
      running.delete(work)
    }
  }

  function run(method: keyof CoreHandlers, params: unknown): Promise<unknown> {
    // Each handler takes its own validated parameter type; the schema lookup above guarantees it.
    const handler = handlers[method] as (params: unknown) => unknown
    let timer: ReturnType<typeof setTimeout> | undefined
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new BridgeFailure('TIMEOUT', `"${method}" took longer than ${timeoutMs} ms.`)),
        timeoutMs,
      )
    })
    return Promise.race([Promise.resolve().then(() => handler(params)), timedOut]).finally(() =>
      clearTimeout(timer),
    )
  }

  async function drain(): Promise<void> {
    draining = true
    while (running.size > 0) await Promise.allSettled([...running])
  }

  return {
    handle,
    drain,
    get inFlight() {
      return running.size
    },
  }
}

function fail(id: string, code: ErrorCode, message: string): ResponseEnvelope {
  return { id, ok: false, error: { code, message } }
}

function toBridgeError(method: string, cause: unknown): BridgeError {
  if (cause instanceof BridgeFailure) return { code: cause.code, message: cause.message }
  log.error(`"${method}" failed unexpectedly`, cause)
  return { code: 'INTERNAL', message: 'Something went wrong inside Kedai. Nothing was changed.' }
}
