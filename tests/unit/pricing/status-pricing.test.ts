import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { chargeFromStatusPricing } from '../../../src-shared/pricing'

function fixturePricing(name: string): Record<string, unknown> {
  const path = new URL(`../../../../shared/fixtures/whatsapp/${name}`, import.meta.url)
  const body = JSON.parse(readFileSync(path, 'utf8')) as {
    entry: { changes: { value: { statuses: { pricing: Record<string, unknown> }[] } }[] }[]
  }
  const pricing = body.entry[0]?.changes[0]?.value.statuses[0]?.pricing
  if (!pricing) throw new Error(`no pricing in ${name}`)
  return pricing
}

function fields(pricing: Record<string, unknown>) {
  return {
    pricingModel: pricing.pricing_model as string,
    type: pricing.type as string | undefined,
    category: pricing.category as string,
    billable: pricing.billable as boolean | undefined,
  }
}

describe('chargeFromStatusPricing', () => {
  it('reads the real status webhooks', () => {
    expect(
      chargeFromStatusPricing(
        fields(fixturePricing('meta_webhook_status_sent_marketing_pmp.json')),
      ),
    ).toEqual({ charged: true, category: 'marketing', freeBecause: null })
    expect(
      chargeFromStatusPricing(
        fields(fixturePricing('realcapture_webhook_status_read_pmp_free_customer_service.json')),
      ),
    ).toEqual({ charged: false, category: 'service', freeBecause: 'customerService' })
    expect(
      chargeFromStatusPricing(
        fields(fixturePricing('realcapture_webhook_status_sent_cbp_service_india_2023-11.json')),
      ),
    ).toEqual({ charged: true, category: 'service', freeBecause: null })
  })

  it('accepts both spellings of authentication-international and the free entry point type', () => {
    expect(
      chargeFromStatusPricing({
        type: 'free_entry_point',
        category: 'authentication_international',
      }),
    ).toEqual({
      charged: false,
      category: 'authentication-international',
      freeBecause: 'freeEntryPoint',
    })
    expect(chargeFromStatusPricing({ category: 'authentication-international' })).toEqual({
      charged: null,
      category: 'authentication-international',
      freeBecause: null,
    })
  })
})
