/**
 * What a Kedai desktop and its relay say to each other, as the desktop checks it: the relay is
 * another machine, so every answer is validated before core acts on it. (The relay's own edge
 * checks requests with src-relay/api/device-api.ts.)
 */
import { z } from 'zod'

export const enrolAnswerSchema = z.object({
  shopId: z.string().min(1),
  deviceId: z.string().min(1),
  deviceToken: z.string().min(16),
})
export type EnrolAnswer = z.infer<typeof enrolAnswerSchema>

export const inboxPageSchema = z.object({
  items: z.array(
    z.object({
      seq: z.number().int().positive(),
      receivedAt: z.number(),
      sealed: z.string().min(1),
    }),
  ),
  next: z.number().int().min(0),
  hasMore: z.boolean(),
})
export type InboxPage = z.infer<typeof inboxPageSchema>

export const sendErrorSchema = z.object({
  code: z.union([z.number(), z.literal('NOT_SENT')]),
  reason: z.string(),
  message: z.string(),
})
export type RelaySendError = z.infer<typeof sendErrorSchema>

export const sendOutcomeSchema = z.discriminatedUnion('state', [
  z.object({ clientId: z.string(), state: z.literal('pending') }),
  z.object({ clientId: z.string(), state: z.literal('unknown') }),
  z.object({ clientId: z.string(), state: z.literal('sent'), wamid: z.string().min(1) }),
  z.object({
    clientId: z.string(),
    state: z.literal('failed'),
    error: sendErrorSchema,
    wamid: z.string().optional(),
  }),
])
export type SendOutcome = z.infer<typeof sendOutcomeSchema>

export const streamMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('inbox'), seq: z.number().int() }),
  z.object({ type: z.literal('send'), clientId: z.string(), outcome: sendOutcomeSchema }),
  z.object({ type: z.literal('sync'), seq: z.number().int() }),
])
export type StreamMessage = z.infer<typeof streamMessageSchema>

export const relayErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
})

/**
 * `GET /v1/templates`: the shop's templates as the platform lists them (its own item shape, see
 * src-shared/templates/platform-template.ts), every page gathered by the relay.
 */
export const templateListAnswerSchema = z.object({ templates: z.array(z.unknown()) })

/** `POST /v1/templates` answers with the platform's own create answer. */
export const templateSubmitAnswerSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  status: z.string(),
  category: z.string().optional(),
})
export type TemplateSubmitAnswer = z.infer<typeof templateSubmitAnswerSchema>
