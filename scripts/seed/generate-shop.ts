/**
 * A realistic shop made from a seed: customers from Indonesia, India, Brazil, Mexico, the US and
 * elsewhere writing in Indonesian and English, with photos, locations, orders, button replies,
 * the shop's answers with their delivery statuses, and one long-running conversation. The same
 * seed always makes the same shop.
 */
import { createSeededRandom, type SeededRandom } from '../../src-shared/sync/seeded-random'
import type { NewMessage } from '../../src-main/core/inbox/messages'
import type { MessageContent } from '../../src-shared/whatsapp'

export interface GeneratedCustomer {
  waId: string
  profileName: string
  country: string
  language: 'id' | 'en'
}

export interface GeneratedConversation {
  customer: GeneratedCustomer
  fromAd: boolean
  messages: Omit<NewMessage, 'conversationId'>[]
}

export interface ShopSize {
  conversations: number
  messages: number
  seed?: number
  /** The newest message is a little before this time. */
  now?: number
}

const countries = [
  { country: 'ID', prefix: '628', digits: 9, language: 'id', weight: 55 },
  { country: 'IN', prefix: '919', digits: 9, language: 'en', weight: 12 },
  { country: 'BR', prefix: '55119', digits: 8, language: 'en', weight: 8 },
  { country: 'MX', prefix: '521', digits: 10, language: 'en', weight: 6 },
  { country: 'US', prefix: '1415', digits: 7, language: 'en', weight: 5 },
  { country: 'MY', prefix: '601', digits: 8, language: 'id', weight: 6 },
  { country: 'SG', prefix: '659', digits: 7, language: 'en', weight: 4 },
  { country: 'GB', prefix: '447', digits: 9, language: 'en', weight: 2 },
  { country: 'NG', prefix: '2348', digits: 9, language: 'en', weight: 2 },
] as const

const firstNames = {
  ID: ['Siti', 'Budi', 'Dewi', 'Agus', 'Rina', 'Wahyu', 'Putri', 'Eko', 'Ayu', 'Rizky'],
  IN: ['Priya', 'Rahul', 'Anjali', 'Arjun', 'Kavya', 'Vikram'],
  BR: ['Ana', 'João', 'Mariana', 'Lucas', 'Beatriz'],
  MX: ['María', 'José', 'Guadalupe', 'Juan', 'Fernanda'],
  US: ['Emily', 'Michael', 'Jessica', 'David'],
  MY: ['Nurul', 'Ahmad', 'Aisyah', 'Hafiz'],
  SG: ['Wei Ling', 'Jun Jie', 'Hui Min'],
  GB: ['Olivia', 'Harry', 'Amelia'],
  NG: ['Chinedu', 'Ngozi', 'Tunde'],
} as const
const lastNames = [
  'Santoso',
  'Wijaya',
  'Sharma',
  'Silva',
  'García',
  'Smith',
  'Rahman',
  'Tan',
  'Okafor',
  'Lestari',
]

const customerTexts = {
  id: [
    'Kak, {item} ukuran M masih ada?',
    'Berapa ongkir ke {city}?',
    'Sudah saya transfer ya kak, mohon dicek',
    'Kapan barangnya dikirim?',
    'Apakah bisa COD?',
    'Terima kasih, barangnya sudah sampai 🙏',
    'Ada warna lain selain hitam?',
    'Pesanan saya nomor {order} belum datang',
    'Halo kak, mau tanya {item} bahannya apa?',
    'Bisa kirim hari ini?',
  ],
  en: [
    'Hi, is the {item} still available in size M?',
    'How much is shipping to {city}?',
    'I have paid, please check',
    'When will my order {order} ship?',
    'Do you have this in another colour?',
    'Thanks, it arrived today!',
    'Can I return it if it does not fit?',
    'Is there a discount for two?',
  ],
}
const shopTexts = {
  id: [
    'Halo kak, masih ada ya 😊',
    'Ongkir ke {city} Rp 18.000 kak',
    'Sudah kami terima, terima kasih kak! Pesanan dikirim besok',
    'Resi: JNE{order}',
    'Ada kak, warna navy dan maroon',
    'Siap kak, kami cek dulu ya',
  ],
  en: [
    'Hi! Yes, it is in stock 😊',
    'Shipping to {city} is $4',
    'Payment received, thank you! It ships tomorrow',
    'Tracking number: JNE{order}',
    'We have navy and maroon too',
  ],
}
const items = [
  'baju batik',
  'kemeja',
  'tas rotan',
  'sepatu',
  'hijab',
  'kaos',
  'sambal roa',
  'kopi gayo',
]
const cities = [
  'Bandung',
  'Surabaya',
  'Medan',
  'Makassar',
  'Mumbai',
  'São Paulo',
  'Guadalajara',
  'Austin',
]

function fill(random: SeededRandom, text: string): string {
  return text
    .replace('{item}', random.pick(items))
    .replace('{city}', random.pick(cities))
    .replace('{order}', String(random.between(1000, 99999)))
}

function pickCountry(random: SeededRandom) {
  const total = countries.reduce((sum, c) => sum + c.weight, 0)
  let roll = random.int(total)
  for (const country of countries) {
    if ((roll -= country.weight) < 0) return country
  }
  return countries[0]
}

/** How many messages each conversation gets: one long conversation of up to 2,000, the rest skewed. */
function messageCounts(random: SeededRandom, size: ShopSize): number[] {
  const counts = new Array<number>(size.conversations).fill(1)
  let left = size.messages - size.conversations
  const long = Math.min(2000 - 1, Math.max(0, left))
  counts[0]! += long
  left -= long
  while (left > 0) {
    const index = 1 + random.int(Math.max(1, size.conversations - 1))
    const chunk = Math.min(left, random.between(1, 12))
    counts[index % size.conversations]! += chunk
    left -= chunk
  }
  return counts
}

export function* generateShop(size: ShopSize): Generator<GeneratedConversation> {
  const random = createSeededRandom(size.seed ?? 62)
  const now = size.now ?? Date.now()
  const counts = messageCounts(random.fork(), size)
  const usedIds = new Set<string>()
  for (let c = 0; c < size.conversations; c++) {
    const origin = pickCountry(random)
    let waId: string
    do {
      waId = origin.prefix + String(random.int(10 ** origin.digits)).padStart(origin.digits, '0')
    } while (usedIds.has(waId))
    usedIds.add(waId)
    const names = firstNames[origin.country]
    const customer: GeneratedCustomer = {
      waId,
      profileName: `${random.pick(names)} ${random.pick(lastNames)}`,
      country: origin.country,
      language: origin.language,
    }
    const count = counts[c]!
    // Conversations spread over 90 days; the first (long) one is the newest.
    let at = now - (c === 0 ? count * 5 * 60_000 : random.int(90 * 24 * 3_600_000))
    const fromAd = random.chance(0.08)
    const messages: GeneratedConversation['messages'] = []
    for (let m = 0; m < count; m++) {
      const inbound = m === 0 || random.chance(0.55)
      at += random.between(20_000, 3 * 3_600_000) / (c === 0 ? 40 : 1)
      const sentAt = Math.min(Math.round(at), now - 1000)
      const wamid = `wamid.seed${c.toString(36)}x${m.toString(36)}`
      if (inbound) {
        const roll = random.next()
        const text = fill(random, random.pick(customerTexts[customer.language]))
        const media = { id: `media-${wamid}`, mimeType: 'image/jpeg', sha256: null, url: null }
        const body: MessageContent =
          roll < 0.84
            ? { type: 'text', body: text }
            : roll < 0.92
              ? { type: 'image', media, caption: text }
              : roll < 0.95
                ? {
                    type: 'location',
                    latitude: -6.9 + random.next(),
                    longitude: 107.6 + random.next(),
                    name: random.pick(cities),
                    address: null,
                    url: null,
                  }
                : roll < 0.98
                  ? {
                      type: 'order',
                      catalogId: 'catalog-seed',
                      note: null,
                      items: [
                        {
                          productRetailerId: random.pick(items),
                          quantity: random.between(1, 3),
                          // Rp 50.000 to Rp 400.000, in millionths of a rupiah as the wire has it.
                          itemPriceMicros: random.between(50, 400) * 1_000 * 1_000_000,
                          currency: 'IDR',
                        },
                      ],
                    }
                  : {
                      type: 'buttonReply',
                      buttonId: 'order-yes',
                      title: customer.language === 'id' ? 'Ya, pesan' : 'Yes, order',
                    }
        const kind = body.type
        messages.push({
          direction: 'inbound',
          kind,
          body,
          status: 'received',
          sentAt,
          wamid,
          fromAd: fromAd && m === 0,
        })
      } else {
        const text = fill(random, random.pick(shopTexts[customer.language]))
        const roll = random.next()
        const status =
          roll < 0.7 ? 'read' : roll < 0.9 ? 'delivered' : roll < 0.97 ? 'sent' : 'failed'
        messages.push({
          direction: 'outbound',
          kind: 'text',
          body: { type: 'text', body: text } satisfies MessageContent,
          status,
          sentAt,
          wamid,
          clientId: `client-${wamid}`,
          category: 'service',
        })
      }
    }
    if (c === 0) {
      // The long conversation is the shop's newest: its last message comes after every other
      // conversation's (those stop at `now - 1000`), so it tops the list, as the benchmark of
      // opening a 2,000-message conversation expects.
      const shift = now - 500 - messages[messages.length - 1]!.sentAt
      for (const message of messages) message.sentAt += shift
    }
    yield { customer, fromAd, messages }
  }
}
