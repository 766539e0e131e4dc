import { describe, expect, it } from 'vitest'
import {
  advanceStatus,
  outboundStatuses,
  type OutboundStatus,
} from '../../../src-shared/inbox/delivery-status'

function replay(start: OutboundStatus, arrivals: OutboundStatus[]): OutboundStatus {
  return arrivals.reduce(advanceStatus, start)
}

describe('delivery status', () => {
  it('moves forward in the usual order', () => {
    expect(replay('queued', ['sent', 'delivered', 'read'])).toBe('read')
  })

  it('never moves back when statuses arrive out of order or twice', () => {
    expect(replay('queued', ['read', 'delivered', 'sent', 'sent'])).toBe('read')
    expect(replay('queued', ['delivered', 'delivered', 'sent'])).toBe('delivered')
  })

  it('takes read without delivered', () => {
    expect(replay('sent', ['read'])).toBe('read')
  })

  it('keeps failed final', () => {
    for (const next of outboundStatuses) expect(advanceStatus('failed', next)).toBe('failed')
  })

  it('fails a message that was queued, unknown or only sent', () => {
    for (const start of ['queued', 'unknown', 'sent'] as const) {
      expect(advanceStatus(start, 'failed')).toBe('failed')
    }
  })

  it('ignores a failure reported after the customer already has the message', () => {
    expect(advanceStatus('delivered', 'failed')).toBe('delivered')
    expect(advanceStatus('read', 'failed')).toBe('read')
  })

  it('gives the same answer for every order of the same arrivals', () => {
    const arrivals: OutboundStatus[] = ['sent', 'delivered', 'read']
    const orders = [
      [0, 1, 2],
      [0, 2, 1],
      [1, 0, 2],
      [1, 2, 0],
      [2, 0, 1],
      [2, 1, 0],
    ]
    const results = new Set(
      orders.map((order) =>
        replay(
          'queued',
          order.map((i) => arrivals[i]!),
        ),
      ),
    )
    expect([...results]).toEqual(['read'])
  })
})
