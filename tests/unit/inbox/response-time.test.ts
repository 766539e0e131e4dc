/** How fast the shop answers: the pure rule behind the panel's and the inbox's figures. */
import { describe, expect, it } from 'vitest'
import {
  latestResponse,
  median,
  medianResponseMs,
  responseTimes,
  type ResponseMessage,
} from '../../../src-shared/inbox/response-time'

const minute = 60_000
const asked = (at: number): ResponseMessage => ({ direction: 'inbound', at: at * minute })
const answered = (at: number, failed = false): ResponseMessage => ({
  direction: 'outbound',
  at: at * minute,
  failed,
})

describe('response times', () => {
  it('runs from the first unanswered message to the next reply', () => {
    const times = responseTimes([asked(0), asked(3), answered(10), asked(20), answered(22)])
    expect(times.responses.map((response) => response.ms / minute)).toEqual([10, 2])
    expect(times.waitingSince).toBeNull()
  })

  it('takes messages in any order, a reply in the same millisecond answering', () => {
    const times = responseTimes([answered(5), asked(5), asked(1)])
    expect(times.responses).toEqual([{ askedAt: minute, answeredAt: 5 * minute, ms: 4 * minute }])
  })

  it('does not start the clock on the shop’s own first message, nor stop it on a failed reply', () => {
    const times = responseTimes([answered(0), asked(1), answered(2, true), answered(9)])
    expect(times.responses.map((response) => response.ms / minute)).toEqual([8])
  })

  it('says since when a customer still waits', () => {
    const times = responseTimes([asked(0), answered(1), asked(30), asked(31)])
    expect(times.waitingSince).toBe(30 * minute)
    expect(latestResponse([asked(0), answered(1), asked(30)])?.ms).toBe(minute)
    expect(latestResponse([asked(0)])).toBeNull()
  })
})

describe('the shop’s median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull()
    expect(median([7, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 10])).toBe(4)
  })

  it('counts replies sent in the day, even to a question of the day before', () => {
    const dayStart = 24 * 60 * minute
    const result = medianResponseMs(
      [
        [asked(24 * 60 - 30), answered(24 * 60 + 10)], // asked yesterday, 40 min
        [asked(24 * 60 + 60), answered(24 * 60 + 62)], // 2 min
        [asked(0), answered(5)], // answered yesterday: not today's
        [asked(24 * 60 + 100), answered(24 * 60 + 106)], // 6 min
      ],
      dayStart,
      dayStart + 24 * 60 * minute,
    )
    expect(result).toEqual({ medianMs: 6 * minute, count: 3 })
  })
})
