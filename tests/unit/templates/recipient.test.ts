import { describe, expect, it } from 'vitest'
import {
  marketingBlock,
  templateSendBlocks,
  type TemplateCategory,
  type TemplateStatus,
} from '../../../src-shared/templates'

const approved: TemplateStatus = { state: 'approved' }
const now = Date.UTC(2026, 10, 5)

function template(category: TemplateCategory, status: TemplateStatus = approved) {
  return { category, status }
}

describe('who a template may go to', () => {
  it('keeps marketing from a customer who opted out, and says why', () => {
    const optedOut = { optedOutOfMarketing: true }
    expect(marketingBlock(template('MARKETING'), optedOut)).toEqual({
      reason: 'opted_out_of_marketing',
    })
    expect(templateSendBlocks(template('MARKETING'), optedOut, now)).toEqual([
      { reason: 'opted_out_of_marketing' },
    ])
  })

  it('still lets utility and authentication reach that customer', () => {
    const optedOut = { optedOutOfMarketing: true }
    expect(marketingBlock(template('UTILITY'), optedOut)).toBeNull()
    expect(templateSendBlocks(template('UTILITY'), optedOut, now)).toEqual([])
    expect(templateSendBlocks(template('AUTHENTICATION'), optedOut, now)).toEqual([])
  })

  it('lets marketing reach a customer who did not opt out', () => {
    expect(templateSendBlocks(template('MARKETING'), { optedOutOfMarketing: false }, now)).toEqual(
      [],
    )
  })

  it('sends only approved templates', () => {
    const rejected: TemplateStatus = { state: 'rejected', reason: 'INVALID_FORMAT' }
    expect(
      templateSendBlocks(template('UTILITY', rejected), { optedOutOfMarketing: false }, now),
    ).toEqual([{ reason: 'not_approved', state: 'rejected' }])
    expect(
      templateSendBlocks(
        template('UTILITY', { state: 'paused' }),
        { optedOutOfMarketing: false },
        now,
      ),
    ).toEqual([{ reason: 'not_approved', state: 'paused' }])
  })

  it('knows marketing stopped reaching US numbers on 1 April 2025', () => {
    const american = { optedOutOfMarketing: false, country: 'us' }
    expect(templateSendBlocks(template('MARKETING'), american, now)).toEqual([
      { reason: 'marketing_to_us_number' },
    ])
    expect(templateSendBlocks(template('MARKETING'), american, Date.UTC(2025, 2, 31))).toEqual([])
    expect(templateSendBlocks(template('UTILITY'), american, now)).toEqual([])
  })

  it('gives every reason at once', () => {
    expect(
      templateSendBlocks(
        template('MARKETING', { state: 'pending' }),
        { optedOutOfMarketing: true, country: 'US' },
        now,
      ).map((block) => block.reason),
    ).toEqual(['not_approved', 'opted_out_of_marketing', 'marketing_to_us_number'])
  })
})
