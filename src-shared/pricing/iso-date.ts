/** Calendar dates as `YYYY-MM-DD`: how Meta dates its rate cards, and they compare as text. */
import { z } from 'zod'

export type IsoDate = string

export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  )
}

export const isoDateSchema = z.string().refine(isIsoDate, 'a date as YYYY-MM-DD')

/** The UTC calendar date of an instant. */
export function utcDateOf(atMs: number): IsoDate {
  return new Date(atMs).toISOString().slice(0, 10)
}
