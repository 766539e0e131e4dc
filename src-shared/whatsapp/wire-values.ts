/**
 * Reading the Cloud API's loose JSON: the same value arrives as a string in one webhook and as a
 * number in another, and every time is in Unix seconds, which Kedai keeps as epoch milliseconds.
 */
import { z } from 'zod'

/** Unix seconds, a string in message webhooks and a number in account webhooks. */
export const epochSecondsAsMillis = z
  .union([z.string().regex(/^\d{1,12}$/), z.number().int().nonnegative()])
  .transform((seconds) => Number(seconds) * 1000)

/** Graph ids are strings, except where the platform sends a template id as a JSON number. */
export const graphId = z
  .union([z.string().min(1), z.number().int().nonnegative()])
  .transform((id) => String(id))

/** Coordinates come as numbers from Meta and as numeric strings from some relays of them. */
export const coordinate = z
  .union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)])
  .transform((value) => Number(value))

/** Where a problem sits in the payload, in the notation a person reads: `entry[0].changes[1]`. */
export function pathOf(base: string, path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (text, step) =>
      typeof step === 'number' ? `${text}[${step}]` : `${text}${text ? '.' : ''}${String(step)}`,
    base,
  )
}

/** The first thing zod found wrong, with its place in the payload. */
export function describeIssue(base: string, error: z.ZodError): string {
  const issue = error.issues[0]
  const where = (issue ? pathOf(base, issue.path) : base) || 'body'
  return `${where}: ${issue ? issue.message : 'not understood'}`
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A text the platform may omit or send empty; both mean "nothing here". */
export function textOrNull(value: string | undefined | null): string | null {
  return value === undefined || value === null || value === '' ? null : value
}
