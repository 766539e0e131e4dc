/** Ids that look like the platform's: wamids, media ids, trace ids; seeded. */
import type { SeededRandom } from '../../src-shared/sync/seeded-random'

const hex = '0123456789ABCDEF'
const traceAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

export interface IdMaker {
  wamid: (waId: string) => string
  mediaId: () => string
  fbtraceId: () => string
}

export function createIdMaker(random: SeededRandom): IdMaker {
  const draw = (alphabet: string, length: number) =>
    Array.from({ length }, () => alphabet[random.int(alphabet.length)]).join('')
  return {
    wamid: (waId) => {
      // The platform's wamids are base64 of a small binary record holding the number and a
      // random message id; this one has the same shape.
      const record = Buffer.concat([
        Buffer.from([0x18, waId.length]),
        Buffer.from(waId, 'ascii'),
        Buffer.from([0x15, 0x02, 0x00, 0x12, 0x18, 0x14]),
        Buffer.from(draw(hex, 20), 'ascii'),
        Buffer.from([0x00]),
      ])
      return `wamid.${record.toString('base64')}`
    },
    mediaId: () => `${random.between(1, 9)}${draw('0123456789', 15)}`,
    fbtraceId: () => draw(traceAlphabet, 23),
  }
}
