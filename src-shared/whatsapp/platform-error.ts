/**
 * The two shapes an error takes: synchronous, in the body of a failed Graph API call
 * (`{error: {message, type, code, error_subcode, error_data, fbtrace_id}}`), and asynchronous, in
 * webhooks (`{code, title, message, error_data, href}` in `errors[]`). Both read as one type.
 */
import { z } from 'zod'
import { explainErrorCode, type ErrorReason } from './error-reasons'
import { describeIssue, isRecord, textOrNull } from './wire-values'

export interface PlatformError {
  code: number
  subcode: number | null
  reason: ErrorReason
  retryable: boolean
  title: string | null
  message: string | null
  details: string | null
  /** The Graph error class, e.g. `OAuthException`; synchronous errors only. */
  type: string | null
  /** Meta's trace id, what its support asks for; synchronous errors only. */
  fbtraceId: string | null
}

export type PlatformErrorRead =
  { ok: true; error: PlatformError } | { ok: false; reason: 'notAnError'; message: string }

const errorCode = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^\d+$/)
    .transform((code) => Number(code)),
])

const errorData = z.object({ details: z.string().optional() }).optional()

const asynchronousError = z.object({
  code: errorCode,
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: errorData,
})

const synchronousError = z.object({
  error: z.object({
    code: errorCode,
    message: z.string().optional(),
    type: z.string().optional(),
    error_subcode: errorCode.optional(),
    error_data: errorData,
    fbtrace_id: z.string().optional(),
  }),
})

function platformError(fields: Omit<PlatformError, 'reason' | 'retryable'>): PlatformError {
  const { reason, retryable } = explainErrorCode(fields.code)
  return { ...fields, reason, retryable }
}

/** Reads one entry of a webhook's `errors[]`. */
export function readAsynchronousError(raw: unknown, base: string): PlatformErrorRead {
  const read = asynchronousError.safeParse(raw)
  if (!read.success)
    return { ok: false, reason: 'notAnError', message: describeIssue(base, read.error) }
  const wire = read.data
  return {
    ok: true,
    error: platformError({
      code: wire.code,
      subcode: null,
      title: textOrNull(wire.title),
      message: textOrNull(wire.message),
      details: textOrNull(wire.error_data?.details),
      type: null,
      fbtraceId: null,
    }),
  }
}

/**
 * Reads an error in either shape: the body of a failed send (HTTP 4xx/5xx) or one webhook
 * `errors[]` entry. Never throws; anything else is refused with the reason.
 */
export function parsePlatformError(body: unknown): PlatformErrorRead {
  if (!isRecord(body)) {
    return { ok: false, reason: 'notAnError', message: 'an error must be a JSON object' }
  }
  if (!('error' in body)) return readAsynchronousError(body, 'error')
  const read = synchronousError.safeParse(body)
  if (!read.success)
    return { ok: false, reason: 'notAnError', message: describeIssue('', read.error) }
  const wire = read.data.error
  return {
    ok: true,
    error: platformError({
      code: wire.code,
      subcode: wire.error_subcode ?? null,
      title: null,
      message: textOrNull(wire.message),
      details: textOrNull(wire.error_data?.details),
      type: textOrNull(wire.type),
      fbtraceId: textOrNull(wire.fbtrace_id),
    }),
  }
}

/** Reads a webhook's `errors[]`, keeping the good entries and saying what was wrong with the rest. */
export function readErrorList(
  raw: unknown,
  base: string,
): { errors: PlatformError[]; problems: string[] } {
  if (raw === undefined) return { errors: [], problems: [] }
  if (!Array.isArray(raw)) return { errors: [], problems: [`${base}: not a list`] }
  const errors: PlatformError[] = []
  const problems: string[] = []
  raw.forEach((item, index) => {
    const read = readAsynchronousError(item, `${base}[${index}]`)
    if (read.ok) errors.push(read.error)
    else problems.push(read.message)
  })
  return { errors, problems }
}
