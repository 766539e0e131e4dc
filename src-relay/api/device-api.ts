/**
 * The device API's requests: what a Kedai desktop sends to its relay. JSON over HTTP; every
 * call but enrolment carries `Authorization: Bearer <deviceToken>`. Requests are checked with
 * these schemas at the edge; answers are built from the types both sides share in
 * src-shared/relay/device-protocol.ts.
 */
import { z } from 'zod'

export const maxInboxPage = 500
export const defaultInboxPage = 100

export const enrolRequestSchema = z
  .object({
    code: z.string().min(1).max(64),
    /** base64 of the shop's 32-byte crypto_box (X25519) public key. */
    shopPublicKey: z.string().min(1).max(64),
    deviceName: z.string().trim().min(1).max(100),
  })
  .strict()
export type EnrolRequestBody = z.infer<typeof enrolRequestSchema>

export const inboxQuerySchema = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .default(defaultInboxPage)
    .transform((limit) => Math.min(limit, maxInboxPage)),
})

/** Crockford base32 ULID, as `ulid()` makes them. */
export const clientIdSchema = z.string().regex(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/, 'a ULID')

/**
 * A send body as src-shared/whatsapp's builders make it. The relay checks the envelope (what it
 * needs to pace and route) and leaves the rest to the platform, which knows its own rules best.
 */
export const sendBodySchema = z
  .looseObject({
    messaging_product: z.literal('whatsapp'),
    type: z.string().min(1).max(40),
    to: z.string().min(1).max(64).optional(),
    recipient: z.string().min(1).max(160).optional(),
    biz_opaque_callback_data: z.string().optional(),
  })
  .refine((body) => body.to !== undefined || body.recipient !== undefined, {
    message: 'a send needs `to` or `recipient`',
  })
export type SendBody = z.infer<typeof sendBodySchema>

export const sendRequestSchema = z
  .object({ clientId: clientIdSchema, message: sendBodySchema })
  .strict()

export const markReadRequestSchema = z.object({ wamid: z.string().min(1).max(512) }).strict()

export const apiErrorCodes = [
  'UNAUTHORIZED',
  'DEVICE_REMOVED',
  'INVALID_CODE',
  'SHOP_KEY_MISMATCH',
  'INVALID_INPUT',
  'NOT_FOUND',
  'PAYLOAD_TOO_LARGE',
  'CONFLICT',
  'PLATFORM_REFUSED',
  'PLATFORM_NO_ANSWER',
  'INTERNAL',
] as const
export type ApiErrorCode = (typeof apiErrorCodes)[number]
