/**
 * Random but well-formed shop edits for the sync property tests: a few customers, labels, quick
 * replies and a setting, so edits collide often.
 */
import type { JsonValue } from '../../../src-shared/sync/canonical-json'
import { encodeHlc, type Hlc } from '../../../src-shared/sync/hlc'
import type { Change, EntityKind, Operation } from '../../../src-shared/sync/operation'
import type { SeededRandom } from '../../../src-shared/sync/seeded-random'

export const realAt = Date.UTC(2025, 5, 1, 9, 30)
export const hourMs = 60 * 60 * 1000

const things: Array<{ entity: EntityKind; id: string }> = [
  { entity: 'customer', id: 'c1' },
  { entity: 'customer', id: 'c2' },
  { entity: 'customer', id: 'c3' },
  { entity: 'label', id: 'l1' },
  { entity: 'label', id: 'l2' },
  { entity: 'quickReply', id: 'q1' },
  { entity: 'quickReply', id: 'q2' },
  { entity: 'setting', id: 'shop.greeting' },
]

const names = ['Bu Sari', 'Pak Budi', 'Mbak Rina', 'Toko Jaya', '']
const words = ['Siap kak', 'Terima kasih!', 'Stok habis', 'Ongkir gratis', 'Halo {{name}}']

/** A field and value a shop owner might write; `readUpToAt` near `aroundAt`, sometimes below. */
export function randomChange(random: SeededRandom, aroundAt = realAt): Change {
  const thing = random.pick(things)
  const { entity, id } = thing
  if (random.chance(0.12)) return { entity, id, field: 'deleted', value: random.chance(0.8) }
  const [field, value] = randomField(random, entity, aroundAt)
  return { entity, id, field, value }
}

function randomField(
  random: SeededRandom,
  entity: EntityKind,
  aroundAt: number,
): [string, JsonValue] {
  switch (entity) {
    case 'customer':
      return random.pick<() => [string, JsonValue]>([
        () => ['name', random.pick(names)],
        () => ['note', random.pick(words)],
        () => ['pinned', random.chance(0.5)],
        () => [`labels.${random.pick(['l1', 'l2'])}`, random.chance(0.5)],
        () => ['readUpToAt', Math.max(0, aroundAt + random.between(-20, 40) * 1000)],
        () => ['readUpToAt', Math.max(0, aroundAt + random.between(-20, 40) * 1000)],
      ])()
    case 'label':
      return random.pick<() => [string, JsonValue]>([
        () => ['name', random.pick(['Lunas', 'Belum bayar', 'VIP'])],
        () => ['color', random.pick(['#25d366', '#ff0000', '#0000FF'])],
      ])()
    case 'quickReply':
      return random.pick<() => [string, JsonValue]>([
        () => ['shortcut', random.pick(['/siap', '/thx', '/stok'])],
        () => ['text', random.pick(words)],
      ])()
    case 'setting':
      // Objects with keys in either order: equal values must merge as equal.
      return [
        'value',
        random.pick<JsonValue>([{ a: 1, b: 2 }, { b: 2, a: 1 }, { a: 2 }, 'pagi', null]),
      ]
    default:
      return ['note', 'unused']
  }
}

/**
 * Operations with clocks drawn from a narrow range, so equal stamps, equal wall times and (as a
 * bug would make) one stamp on two values of one field all happen.
 */
export function randomOperations(random: SeededRandom, count: number): Operation[] {
  const ops: Operation[] = []
  for (let i = 0; i < count; i++) {
    const twin = ops.length > 0 && random.chance(0.05) ? random.pick(ops) : undefined
    if (twin) {
      // The value may even be of the wrong kind: the merge must stay a join whatever it is fed.
      ops.push({ ...twin, value: randomChange(random).value })
      continue
    }
    const hlc: Hlc = {
      wallMs: realAt + random.int(12),
      counter: random.int(3),
      node: random.pick(['counterPc', 'laptop', 'helperPc']),
    }
    const { entity, id, field, value } = randomChange(random, realAt)
    ops.push({ entity, id, field, value, hlc: encodeHlc(hlc), deviceId: hlc.node })
  }
  return ops
}

/** `ops` shuffled, with some repeated: what an unreliable network delivers. */
export function deliveredOrder<T>(random: SeededRandom, items: readonly T[]): T[] {
  const repeated = items.filter(() => random.chance(0.3))
  return random.shuffle([...items, ...repeated])
}
