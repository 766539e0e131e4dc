/**
 * What the emulated platform remembers about its customers between runs, as Meta would: who
 * they are, when they wrote and were written to (the windows depend on it), whether they opted
 * out, how far their story went. No message texts. Demo mode keeps it beside the demo relay's
 * data, so after a restart the owner can still answer yesterday's customers inside their window.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'
import { createLogger } from '../logger'
import { products } from './customers/catalog'
import { personaNamed, personaNames } from './customers/personas'
import type { SimulatedCustomer } from './customer-book'

const log = createLogger('emulator-state')

const savedCustomerSchema = z.object({
  waId: z.string().regex(/^\d{7,20}$/),
  name: z.string().max(200),
  country: z.string().max(8).nullable(),
  language: z.enum(['id', 'en']),
  onWhatsApp: z.boolean(),
  optedOut: z.boolean(),
  history: z
    .array(
      z.object({
        direction: z.enum(['inbound', 'outbound']),
        at: z.number(),
        referral: z.boolean().optional(),
      }),
    )
    .max(10_000),
  persona: z.enum(personaNames).nullable(),
  product: z.string().nullable(),
  saidFollowUps: z.number().int().min(0),
})
const stateSchema = z.object({ version: z.literal(1), customers: z.array(savedCustomerSchema) })

export type SavedCustomer = z.infer<typeof savedCustomerSchema>

export function saveableCustomer(customer: SimulatedCustomer): SavedCustomer {
  return {
    waId: customer.waId,
    name: customer.name,
    country: customer.country,
    language: customer.language,
    onWhatsApp: customer.onWhatsApp,
    optedOut: customer.optedOut,
    history: customer.history.map(({ direction, at, referral }) => ({
      direction,
      at,
      ...(referral ? { referral } : {}),
    })),
    persona: customer.persona?.name ?? null,
    product: customer.product?.retailerId ?? null,
    saidFollowUps: customer.saidFollowUps,
  }
}

export function restoreCustomer(
  saved: SavedCustomer,
  random: SimulatedCustomer['random'],
): SimulatedCustomer {
  return {
    ...saved,
    history: saved.history.map((message) => ({ ...message })),
    persona: saved.persona ? personaNamed(saved.persona) : null,
    product: products.find((product) => product.retailerId === saved.product) ?? null,
    replyPending: false,
    random,
  }
}

/** The saved customers, or none when the file is missing or unreadable (a fresh start). */
export function readCustomerState(path: string): SavedCustomer[] {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return []
  }
  try {
    const read = stateSchema.safeParse(JSON.parse(text))
    if (read.success) return read.data.customers
  } catch {
    // Falls through to the warning.
  }
  log.warn('the saved emulator customers could not be read; starting afresh')
  return []
}

/** Writes the state whole, through a temporary file, so a crash never leaves half of it. */
export function writeCustomerState(path: string, customers: readonly SavedCustomer[]): void {
  mkdirSync(dirname(path), { recursive: true })
  const temporary = `${path}.tmp`
  writeFileSync(temporary, JSON.stringify({ version: 1, customers }))
  renameSync(temporary, path)
}
