/** The three envelopes both transports carry, and their runtime schemas. */
import { z } from 'zod'
import { errorCodes, type BridgeError } from './errors'

export interface RequestEnvelope {
  id: string
  method: string
  params: unknown
}

export type ResponseEnvelope =
  { id: string; ok: true; value: unknown } | { id: string; ok: false; error: BridgeError }

export interface EventEnvelope {
  event: string
  payload: unknown
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: BridgeError }

export const requestEnvelopeSchema = z.object({
  id: z.string().min(1).max(64),
  method: z.string().min(1).max(100),
  params: z.unknown(),
})

export const responseEnvelopeSchema = z.union([
  z.object({ id: z.string(), ok: z.literal(true), value: z.unknown() }),
  z.object({
    id: z.string(),
    ok: z.literal(false),
    error: z.object({ code: z.enum(errorCodes), message: z.string() }),
  }),
])

export const eventEnvelopeSchema = z.object({ event: z.string(), payload: z.unknown() })

/** A message from core to the renderer is either an answer to a call or a pushed event. */
export function isEventEnvelope(message: unknown): message is EventEnvelope {
  return typeof message === 'object' && message !== null && 'event' in message
}
