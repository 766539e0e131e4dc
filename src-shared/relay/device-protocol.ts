/**
 * What a Kedai relay answers its desktops: one description for both sides. The relay builds its
 * answers from these types; the desktop validates every answer with these schemas before core
 * acts on it, since the relay is another machine. (The relay's edge checks requests with
 * src-relay/api/device-api.ts.)
 */
import { z } from 'zod'

/** `deviceToken` is shown once; the relay keeps only its SHA-256. */
export const enrolAnswerSchema = z.object({
  shopId: z.string().min(1),
  deviceId: z.string().min(1),
  deviceToken: z.string().min(16),
})
export type EnrolAnswer = z.infer<typeof enrolAnswerSchema>

/**
 * `sealed`: base64 of crypto_box_seal(JSON array of normalised webhook events, shop key).
 * `next`: the cursor to pass as `after` next time (the last seq returned, or `after` if none).
 */
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

export const deviceViewSchema = z.object({
  deviceId: z.string(),
  name: z.string(),
  createdAt: z.number(),
  removedAt: z.number().nullable(),
  /** Its last call to the relay, to the minute; null before the first (or from an older relay). */
  lastSeenAt: z.number().nullable().default(null),
})
export type DeviceView = z.infer<typeof deviceViewSchema>

/**
 * Why a send failed. `code` is the platform's error code when the platform refused it, or
 * `NOT_SENT` when the relay gave up before the platform ever accepted it (so sending it again
 * under a new client id cannot make a duplicate). `reason` is an `ErrorReason` of
 * src-shared/whatsapp or `notSent`; `message` is diagnostic English from the platform or the
 * relay, never anything the customer wrote.
 */
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

/** What `GET /v1/stream` pushes; `sync` is a new batch in the shop's operation log. */
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
 * `POST /v1/media` (body `{mimeType, fileName, data}`, data in base64): the relay uploads the file
 * to the platform and answers with the platform's media id, which a send then names.
 */
export const mediaUploadAnswerSchema = z.object({ mediaId: z.string().min(1) })
export type MediaUploadAnswer = z.infer<typeof mediaUploadAnswerSchema>

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

/**
 * `PUT /v1/files/<fileId>` (body: the sealed bytes, `application/octet-stream`) answers with what
 * the relay keeps: the id and the size of the sealed bytes. `GET` of the same path answers the
 * bytes themselves.
 */
export const shopFileAnswerSchema = z.object({
  fileId: z.string().min(1),
  size: z.number().int().positive(),
})
export type ShopFileAnswer = z.infer<typeof shopFileAnswerSchema>
