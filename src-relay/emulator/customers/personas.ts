/**
 * What simulated customers come for, and what they say when the shop answers: a first message,
 * then follow-ups, one each time the shop's reply reaches them. Lines are in Indonesian or
 * English by the customer's language; the product and numbers come from the seeded generator.
 */
import type { SeededRandom } from '../../../src-shared/sync/seeded-random'
import type { InboundSpec } from '../inbound-spec'
import { demoCatalogId, products, type Product } from './catalog'
import type { Language } from './population'

export const personaNames = [
  'catalogQuestion',
  'photoQuestion',
  'order',
  'parcel',
  'adArrival',
  'delivery',
  'stopper',
  'lateReturn',
] as const
export type PersonaName = (typeof personaNames)[number]

export interface ScriptContext {
  random: SeededRandom
  language: Language
  product: Product
}

type Line = (context: ScriptContext) => InboundSpec

export interface Persona {
  name: PersonaName
  /** How often it is drawn among new customers (the first batch picks its own). */
  weight: number
  opening: Line
  /** The first message comes from a click-to-WhatsApp ad. */
  fromAd?: boolean
  followUps: readonly Line[]
}

const say =
  (
    id: string | ((context: ScriptContext) => string),
    en: string | ((context: ScriptContext) => string),
  ): Line =>
  (context) => {
    const line = context.language === 'id' ? id : en
    return { type: 'text', body: typeof line === 'function' ? line(context) : line }
  }

const rupiah = (amount: number) => `Rp${amount.toLocaleString('id-ID')}`

const locations = [
  {
    latitude: -6.2607,
    longitude: 106.8137,
    name: 'Rumah',
    address: 'Jl. Kemang Raya No. 10, Jakarta Selatan',
  },
  {
    latitude: -7.2575,
    longitude: 112.7521,
    name: 'Kantor',
    address: 'Jl. Tunjungan No. 45, Surabaya',
  },
  {
    latitude: -8.6705,
    longitude: 115.2126,
    name: 'Kos',
    address: 'Jl. Teuku Umar No. 8, Denpasar',
  },
  { latitude: -6.9175, longitude: 107.6191, address: 'Jl. Braga No. 21, Bandung' },
]

const sendLocation: Line = (context) => ({ type: 'location', ...context.random.pick(locations) })

const thanks = say(
  (context) =>
    context.random.pick([
      'Oke kak, terima kasih! 🙏',
      'Siap kak, makasih ya',
      'Baik kak, ditunggu ya 😊',
    ]),
  (context) =>
    context.random.pick(['Great, thank you! 🙏', 'Perfect, thanks!', 'Thanks, talk soon 😊']),
)

export const personas: readonly Persona[] = [
  {
    name: 'catalogQuestion',
    weight: 25,
    opening: (context) => ({
      type: 'text',
      body:
        context.language === 'id'
          ? context.random.pick([
              `Kak, ${context.product.id} ini masih ready ukuran M?`,
              `Halo kak, ${context.product.id} ini ada warna hitam?`,
              `Permisi kak, ${context.product.id} ini bisa COD?`,
            ])
          : context.random.pick([
              `Hi! Is this ${context.product.en} still available in size M?`,
              `Hello, do you have this ${context.product.en} in black?`,
              `Hi, can this ${context.product.en} ship abroad?`,
            ]),
      referredProduct: { catalogId: demoCatalogId, productRetailerId: context.product.retailerId },
    }),
    followUps: [
      say(
        'Oke kak, saya ambil 2 ya. Bisa kirim hari ini?',
        "OK, I'll take two. Can you ship today?",
      ),
      sendLocation,
      say('Sudah transfer ya kak 🙏', 'Payment sent 🙏'),
      thanks,
    ],
  },
  {
    name: 'photoQuestion',
    weight: 15,
    opening: (context) => ({
      type: 'image',
      caption:
        context.language === 'id'
          ? context.random.pick(['Ada yang seperti ini kak?', 'Kak, yang motif ini masih ada?'])
          : context.random.pick([
              'Do you have something like this?',
              'Is this pattern still in stock?',
            ]),
    }),
    followUps: [
      say('Harganya berapa kak?', 'How much is it?'),
      say('Oke, saya pesan satu ya', "OK, I'd like one please"),
      thanks,
    ],
  },
  {
    name: 'order',
    weight: 15,
    opening: (context) => ({
      type: 'order',
      catalogId: demoCatalogId,
      note: context.language === 'id' ? 'Saya pesan ini ya kak' : "I'd like to order these",
      items: [
        {
          productRetailerId: context.product.retailerId,
          quantity: context.random.between(1, 3),
          itemPrice: context.product.priceIdr,
          currency: 'IDR',
        },
        ...(context.random.chance(0.5)
          ? [
              {
                productRetailerId: products[3]!.retailerId,
                quantity: 1,
                itemPrice: products[3]!.priceIdr,
                currency: 'IDR',
              },
            ]
          : []),
      ],
    }),
    followUps: [
      say('Alamatnya sama seperti sebelumnya ya kak', 'Same address as last time, please'),
      say(
        (context) => `Total ${rupiah(context.product.priceIdr)} ya kak? Saya transfer sekarang`,
        'Sending the payment now',
      ),
      thanks,
    ],
  },
  {
    name: 'parcel',
    weight: 15,
    opening: (context) =>
      say(
        `Kak, paket saya sudah dikirim belum? Pesanan #${context.random.between(1000, 9999)}`,
        `Hi, where is my parcel? Order #${context.random.between(1000, 9999)}`,
      )(context),
    followUps: [
      say('Oke kak, ditunggu resinya ya', 'OK, please send me the tracking number'),
      thanks,
    ],
  },
  {
    name: 'adArrival',
    weight: 12,
    fromAd: true,
    opening: say(
      'Halo, saya lihat iklannya. Ini harganya berapa?',
      'Hi, I saw your ad. How much is this?',
    ),
    followUps: [
      say('Bisa kirim ke Surabaya?', 'Can you deliver to Surabaya?'),
      sendLocation,
      thanks,
    ],
  },
  {
    name: 'delivery',
    weight: 10,
    // A pin first, the words after: how people share an address in a chat.
    opening: sendLocation,
    followUps: [say('Kirim ke alamat itu ya kak', 'Please deliver to that address'), thanks],
  },
  {
    name: 'stopper',
    weight: 5,
    opening: say('BERHENTI', 'STOP'),
    followUps: [],
  },
  {
    name: 'lateReturn',
    weight: 3,
    opening: say(
      (context) => `Kak, ${context.product.id} ukuran anak 4 tahun masih ada?`,
      (context) => `Hi, do you still have the ${context.product.en} in kids' size?`,
    ),
    followUps: [
      say(
        'Iya kak, masih mau. Kirim ke alamat yang sama ya',
        'Yes, still interested! Same address as before',
      ),
      thanks,
    ],
  },
]

export function personaNamed(name: PersonaName): Persona {
  return personas.find((persona) => persona.name === name)!
}

export function drawPersona(random: SeededRandom): Persona {
  const total = personas.reduce((sum, persona) => sum + persona.weight, 0)
  let roll = random.int(total)
  for (const persona of personas) {
    if (roll < persona.weight) return persona
    roll -= persona.weight
  }
  return personas[0]!
}

/** Words a customer uses to stop promotions, in the languages of the shop's customers. */
export function isOptOut(text: string): boolean {
  return /^\s*(stop|berhenti|unsubscribe|stop promotions|berhenti langganan)\b/i.test(text)
}
