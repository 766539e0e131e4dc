/**
 * Who writes to the demo shop: mostly Indonesians, then shoppers from India, Brazil, Mexico, the
 * United States and elsewhere, each with a plausible name and a WhatsApp number (`wa_id`, digits
 * only) of their country. Drawn from a seeded generator, so a seed always brings the same people.
 */
import type { SeededRandom } from '../../../src-shared/sync/seeded-random'

export type Language = 'id' | 'en'

export interface Shopper {
  waId: string
  name: string
  country: string
  language: Language
}

interface Country {
  country: string
  weight: number
  /** Digits the number starts with, then how many random digits follow. */
  prefixes: readonly string[]
  digits: number
  names: readonly string[]
  indonesianShare: number
}

const countries: readonly Country[] = [
  {
    country: 'ID',
    weight: 55,
    prefixes: ['62812', '62813', '62821', '62857', '62878', '62896'],
    digits: 7,
    names: [
      'Siti Rahmawati',
      'Budi Santoso',
      'Dewi Lestari',
      'Agus Pratama',
      'Rina Wulandari',
      'Wayan Sudarsana',
      'Putri Ayu',
      'Rizky Maulana',
      'Nur Hidayah',
      'Yohanes Manurung',
    ],
    indonesianShare: 0.85,
  },
  {
    country: 'IN',
    weight: 10,
    prefixes: ['9198', '9190', '9170'],
    digits: 8,
    names: ['Priya Sharma', 'Arjun Mehta', 'Ananya Iyer', 'Rahul Verma'],
    indonesianShare: 0,
  },
  {
    country: 'BR',
    weight: 8,
    prefixes: ['55119', '55219'],
    digits: 8,
    names: ['Ana Souza', 'João Pereira', 'Beatriz Lima', 'Lucas Oliveira'],
    indonesianShare: 0,
  },
  {
    country: 'MX',
    weight: 8,
    prefixes: ['52155', '52133'],
    digits: 8,
    names: ['María Hernández', 'Luis García', 'Fernanda López', 'Diego Ramírez'],
    indonesianShare: 0,
  },
  {
    country: 'US',
    weight: 8,
    prefixes: ['1415', '1212', '1646', '1312'],
    digits: 7,
    names: ['Emily Carter', 'Jake Miller', 'Olivia Brooks', 'Noah Bennett'],
    indonesianShare: 0,
  },
  {
    country: 'MY',
    weight: 4,
    prefixes: ['6012', '6019'],
    digits: 7,
    names: ['Nur Aisyah', 'Ahmad Firdaus'],
    indonesianShare: 0.3,
  },
  {
    country: 'SG',
    weight: 3,
    prefixes: ['659', '658'],
    digits: 7,
    names: ['Wei Ling Tan', 'Marcus Lim'],
    indonesianShare: 0,
  },
  {
    country: 'NG',
    weight: 2,
    prefixes: ['234803', '234806'],
    digits: 7,
    names: ['Chiamaka Okafor', 'Tunde Adeyemi'],
    indonesianShare: 0,
  },
  {
    country: 'DE',
    weight: 2,
    prefixes: ['49151', '49160'],
    digits: 8,
    names: ['Lena Schmidt', 'Jonas Weber'],
    indonesianShare: 0,
  },
]

const totalWeight = countries.reduce((sum, country) => sum + country.weight, 0)

function pickCountry(random: SeededRandom, only?: string): Country {
  if (only) return countries.find((country) => country.country === only) ?? countries[0]!
  let roll = random.int(totalWeight)
  for (const country of countries) {
    if (roll < country.weight) return country
    roll -= country.weight
  }
  return countries[0]!
}

/** A new shopper whose number is not in `taken` (and never ends in 0000: see notOnWhatsApp). */
export function drawShopper(
  random: SeededRandom,
  taken: ReadonlySet<string>,
  options: { country?: string; language?: Language } = {},
): Shopper {
  const country = pickCountry(random, options.country)
  for (;;) {
    let waId = random.pick(country.prefixes)
    for (let digit = 0; digit < country.digits; digit += 1) waId += String(random.int(10))
    if (taken.has(waId) || waId.endsWith('0000')) continue
    return {
      waId,
      name: random.pick(country.names),
      country: country.country,
      language: options.language ?? (random.chance(country.indonesianShare) ? 'id' : 'en'),
    }
  }
}
