// @vitest-environment happy-dom
/** The meter in the sidebar and the composer's price line, against a fake core. */
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import CostMeter from '../../src-renderer/components/costs/CostMeter.vue'
import PriceLine from '../../src-renderer/components/costs/PriceLine.vue'
import { defaultCostSettings } from '../../src-shared/costs/cost-settings'
import type { Meter, MessagePrice } from '../../src-shared/costs/cost-views'
import { createFakeBridge, type FakeHandlers } from './fake-bridge'
import { closeInbox, openInbox } from './mount-inbox'
import { vaultStatus } from './vault-statuses'

afterEach(closeInbox)

const meter = (over: Partial<Meter> = {}): Meter => ({
  currency: 'IDR',
  todayMinor: 0,
  monthMinor: 0,
  todayUsdMicros: 0,
  monthUsdMicros: 0,
  unconfirmed: 0,
  budget: null,
  ...over,
})

const price = (over: Partial<MessagePrice> = {}): MessagePrice => ({
  outcome: 'quote',
  reason: 'marketingAlwaysCharged',
  charged: true,
  category: 'marketing',
  market: 'indonesia',
  country: 'ID',
  usdMicros: 41_100,
  minor: 69_048,
  currency: 'IDR',
  blockedByBudget: false,
  ...over,
})

function core(handlers: FakeHandlers) {
  return createFakeBridge({
    'vault.status': () => vaultStatus('unlocked'),
    'costs.settings': () => defaultCostSettings,
    ...handlers,
  })
}

describe('the cost meter', () => {
  it('shows today, the month and the budget left, and moves on costs.changed', async () => {
    const bridge = core({ 'costs.meter': () => meter() })
    const inbox = await openInbox(bridge)
    const wrapper = inbox.mount(CostMeter)
    await flushPromises()
    expect(wrapper.get('[data-testid="meter-month"]').text()).toMatch(/^Rp\s0$/)
    expect(wrapper.get('[data-testid="meter-budget"]').text()).toBe('No budget set')

    bridge.emit(
      'costs.changed',
      meter({
        todayMinor: 84_000,
        monthMinor: 84_000,
        budget: {
          period: 'month',
          budgetMinor: 100_000,
          spentMinor: 84_000,
          leftMinor: 16_000,
          level: 'warning',
        },
      }),
    )
    await flushPromises()
    expect(wrapper.get('[data-testid="meter-today"]').text()).toMatch(/^Rp\s840$/)
    expect(wrapper.get('[data-testid="meter-budget"]').text()).toMatch(/^Rp\s160 left this month$/)
    expect(wrapper.classes()).toContain('meter-warning')
  })

  it('says when the budget is used up, in Indonesian too', async () => {
    const bridge = core({
      'costs.meter': () =>
        meter({
          monthMinor: 126_000,
          budget: {
            period: 'day',
            budgetMinor: 100_000,
            spentMinor: 126_000,
            leftMinor: 0,
            level: 'exceeded',
          },
        }),
    })
    const inbox = await openInbox(bridge, 'id')
    const wrapper = inbox.mount(CostMeter)
    await flushPromises()
    expect(wrapper.get('[data-testid="meter-month"]').text()).toMatch(/^Rp\s1\.260$/)
    expect(wrapper.get('[data-testid="meter-budget"]').text()).toBe('Anggaran hari ini habis')
    expect(wrapper.classes()).toContain('meter-exceeded')
  })
})

describe('the price line', () => {
  it('names the price, the kind of message and the place; free says why', async () => {
    let next = price()
    const bridge = core({ 'costs.meter': () => meter(), 'costs.quote': () => next })
    const inbox = await openInbox(bridge)
    const wrapper = inbox.mount(PriceLine, { conversationId: 'c1', templateId: 't1' })
    await flushPromises()
    expect(wrapper.text()).toMatch(/^Rp\s690: marketing template to Indonesia$/)
    expect(bridge.calls.find((call) => call.method === 'costs.quote')?.params).toEqual({
      conversationId: 'c1',
      templateId: 't1',
    })

    next = price({
      charged: false,
      reason: 'insideServiceWindow',
      category: 'utility',
      usdMicros: 0,
      minor: 0,
    })
    bridge.emit('costs.changed', meter())
    await flushPromises()
    expect(wrapper.text()).toBe('Free: inside the service window')

    next = price({ blockedByBudget: true })
    bridge.emit('costs.changed', meter())
    await flushPromises()
    expect(wrapper.text()).toContain('Your budget is used up')
  })
})
