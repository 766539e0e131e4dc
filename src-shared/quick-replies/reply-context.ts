/**
 * What Kedai knows when the owner answers a customer, turned into the values of the variables a
 * quick reply (or a template's parameter form) can use. Shared by quick replies and templates so
 * both fill `{{name}}` the same way.
 */
import { formatMinor } from '../money'

/** An amount in the shop's currency, as an integer of ISO 4217 minor units (sen, cents). */
export interface OrderTotal {
  amountMinor: number
  /** ISO 4217 code, e.g. `IDR`. */
  currency: string
}

export interface ReplyContext {
  /** The customer's name as Kedai has it (the owner's edit, else the WhatsApp profile name). */
  customerName?: string | null
  shopName?: string | null
  /** The total of the customer's last order, if Kedai knows one. */
  lastOrderTotal?: OrderTotal | null
  /** The moment of sending, epoch milliseconds: `{{today}}` is this date, never the machine's. */
  now: number
  /** BCP 47 locale the shop writes in, e.g. `id-ID`; formats `{{today}}` and `{{order_total}}`. */
  locale: string
  /** IANA time zone of the shop, e.g. `Asia/Jakarta`. */
  timeZone: string
  /**
   * Values the owner typed at send time, by variable name (custom variables, or a built-in one
   * Kedai did not know). They win over what Kedai derived: the person's latest word counts.
   */
  custom?: Readonly<Record<string, string>>
}

export const builtInVariables = ['name', 'first_name', 'shop', 'today', 'order_total'] as const
export type BuiltInVariable = (typeof builtInVariables)[number]

export function isBuiltInVariable(name: string): name is BuiltInVariable {
  return (builtInVariables as readonly string[]).includes(name)
}

/** A value counts only when it has something visible: a blank would leave "Halo , ..." behind. */
export function hasValue(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim().length > 0
}

/**
 * The first word of a name that contains a letter, without punctuation or emoji stuck to its
 * edges: "🌸 Rina Store" gives "Rina", "budi," gives "budi". Null when there is no such word,
 * so the variable is asked for rather than filled with a symbol.
 */
export function firstNameOf(name: string | null | undefined): string | null {
  if (!hasValue(name)) return null
  for (const word of name.trim().split(/\s+/u)) {
    if (!/\p{L}/u.test(word)) continue
    const cleaned = word.replace(/^[^\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu, '')
    if (cleaned.length > 0) return cleaned
  }
  return null
}

/** The shop's date for `now`, spelled out in its locale ("6 November 2026"). */
export function formatToday(now: number, locale: string, timeZone: string): string | null {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(now)
  } catch {
    // A bad time zone or locale in the settings must not break the composer: the owner is asked.
    return null
  }
}

/**
 * "Rp 150.000" for 15,000,000 IDR minor units (sen) in `id-ID`: shown as the shop shows prices,
 * by the money module's rules. Null for an amount or currency that cannot be shown, so the owner
 * is asked instead of the composer failing.
 */
export function formatOrderTotal(total: OrderTotal, locale: string): string | null {
  if (!Number.isSafeInteger(total.amountMinor)) return null
  try {
    return formatMinor(total.amountMinor, total.currency, locale)
  } catch {
    return null
  }
}

/**
 * Every variable value the context provides, keyed by lowercase variable name. A variable with
 * no usable value is absent, never an empty string.
 */
export function variableValues(context: ReplyContext): Map<string, string> {
  const values = new Map<string, string>()
  const name = hasValue(context.customerName) ? context.customerName.trim() : null
  const firstName = firstNameOf(name)
  const today = formatToday(context.now, context.locale, context.timeZone)
  const orderTotal = context.lastOrderTotal
    ? formatOrderTotal(context.lastOrderTotal, context.locale)
    : null
  const derived: [BuiltInVariable, string | null][] = [
    ['name', name],
    ['first_name', firstName],
    ['shop', hasValue(context.shopName) ? context.shopName.trim() : null],
    ['today', today],
    ['order_total', orderTotal],
  ]
  for (const [variable, value] of derived) if (hasValue(value)) values.set(variable, value)
  for (const [variable, value] of Object.entries(context.custom ?? {})) {
    if (hasValue(value)) values.set(variable.trim().toLowerCase(), value.trim())
  }
  return values
}
