/**
 * The shop's labels for customers, as the WhatsApp Business app has them: five defaults, at most
 * twenty in all, each a name (sealed at rest, it is the owner's words) and a colour from a palette.
 */
import { z } from 'zod'
import type { Language } from '../preferences/preferences'

/** The WhatsApp Business app's limit, which owners already know. */
export const maximumLabels = 20
export const maximumLabelNameLength = 40

/** Named colours, so each theme can draw them readably; the stored value is the name. */
export const labelColors = [
  'blue',
  'green',
  'yellow',
  'orange',
  'red',
  'purple',
  'teal',
  'gray',
] as const
export type LabelColor = (typeof labelColors)[number]

/**
 * How each colour travels between a shop's devices: the sync log carries `#rrggbb` (see
 * src-shared/sync/operation.ts), the tables keep the name. A colour this version does not know
 * (a newer Kedai's) shows as gray.
 */
export const labelColorHex: Readonly<Record<LabelColor, string>> = {
  blue: '#3b82f6',
  green: '#22c55e',
  yellow: '#eab308',
  orange: '#f97316',
  red: '#ef4444',
  purple: '#a855f7',
  teal: '#14b8a6',
  gray: '#8a8a8a',
}

export function labelColorOfHex(hex: unknown): LabelColor {
  const wanted = typeof hex === 'string' ? hex.toLowerCase() : ''
  return labelColors.find((color) => labelColorHex[color] === wanted) ?? 'gray'
}

export const labelSchema = z.object({
  id: z.string(),
  name: z.string(),
  color: z.enum(labelColors),
  sort: z.number().int(),
})
export type Label = z.infer<typeof labelSchema>

export const labelNameSchema = z.string().max(maximumLabelNameLength * 4)

/** The WhatsApp Business app's defaults, in the owner's language when the shop is made. */
export const defaultLabels: readonly { names: Record<Language, string>; color: LabelColor }[] = [
  { names: { en: 'New customer', id: 'Pelanggan baru' }, color: 'blue' },
  { names: { en: 'New order', id: 'Pesanan baru' }, color: 'yellow' },
  { names: { en: 'Pending payment', id: 'Menunggu pembayaran' }, color: 'orange' },
  { names: { en: 'Paid', id: 'Sudah dibayar' }, color: 'green' },
  { names: { en: 'Order complete', id: 'Pesanan selesai' }, color: 'teal' },
]

/** A label name as it will be kept: trimmed, inner runs of spaces made one. */
export function tidyLabelName(name: string): string {
  return name.trim().replace(/\s+/g, ' ')
}

export type LabelNameProblem = 'empty' | 'tooLong' | 'taken'

/** Why a name cannot be used, or null; names are compared without regard to case. */
export function labelNameProblem(
  name: string,
  others: readonly { name: string }[],
): LabelNameProblem | null {
  const tidy = tidyLabelName(name)
  if (tidy === '') return 'empty'
  if ([...tidy].length > maximumLabelNameLength) return 'tooLong'
  const folded = tidy.toLocaleLowerCase()
  if (others.some((other) => tidyLabelName(other.name).toLocaleLowerCase() === folded)) {
    return 'taken'
  }
  return null
}
