/**
 * The device API's requests: what a Kedai desktop sends to its relay. JSON over HTTP; every
 * call but enrolment carries `Authorization: Bearer <deviceToken>`. Requests are checked with
 * these schemas at the edge; answers are built from the types both sides share in
 * src-shared/relay/device-protocol.ts.
 */
import { z } from 'zod'
import { attachmentMaxBytes } from '../../src-shared/quick-replies/attachment-rules'

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

/**
 * Standard base64 (RFC 4648 section 4) with its padding, as Buffer#toString('base64') writes it:
 * the alphabet, at most two `=` at the end, a length in fours. One flat character class, because
 * a repeated group over 22 million characters overflows the regular expression engine's stack.
 */
const base64Alphabet = /^[A-Za-z0-9+/]*={0,2}$/

/** The base64 length of the largest file a quick reply may carry. */
export const maxMediaBase64Length = Math.ceil(attachmentMaxBytes / 3) * 4

/**
 * `POST /v1/media`: a file for the platform, uploaded before the message that names it. Which
 * types and sizes the platform takes is the platform's to say; the relay only bounds the bytes.
 */
export const mediaUploadRequestSchema = z
  .object({
    mimeType: z
      .string()
      .max(127)
      .regex(/^[\w.+-]+\/[\w.+-]+$/, 'a MIME type such as image/png'),
    /** The name the platform keeps with the file; never logged. */
    fileName: z.string().trim().min(1).max(240),
    data: z
      .string()
      .min(1, 'the file is empty')
      .max(maxMediaBase64Length, `the file is larger than ${attachmentMaxBytes} bytes`)
      .regex(base64Alphabet, 'not base64')
      .refine((data) => data.length % 4 === 0, 'not base64 (its length is not a multiple of 4)'),
  })
  .strict()
export type MediaUploadRequest = z.infer<typeof mediaUploadRequestSchema>

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
