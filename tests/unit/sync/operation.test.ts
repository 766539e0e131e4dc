import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../../src-shared/sync/canonical-json'
import { encodeHlc } from '../../../src-shared/sync/hlc'
import {
  entityKinds,
  fieldMergeOf,
  fieldPolicies,
  isTombstone,
  parseOperation,
  stampOperation,
  type Operation,
} from '../../../src-shared/sync/operation'

const realAt = Date.UTC(2025, 5, 1, 9, 30)
const hlc = { wallMs: realAt, counter: 0, node: 'counterPc' }

function op(overrides: Partial<Operation>): Operation {
  return {
    entity: 'customer',
    id: '01JXCUSTOMER0000000000000A',
    field: 'name',
    value: 'Bu Sari',
    hlc: encodeHlc(hlc),
    deviceId: 'counterPc',
    ...overrides,
  }
}

describe('operations and their field policies', () => {
  it('has a policy table for every kind of editable thing, each with a tombstone', () => {
    expect(Object.keys(fieldPolicies).sort()).toEqual([...entityKinds].sort())
    for (const entity of entityKinds) {
      expect(fieldPolicies[entity].deleted.merge, entity).toBe('lastWriterWins')
    }
  })

  it('merges read state by highest value and everything else by last writer', () => {
    expect(fieldMergeOf('customer', 'readUpToAt')).toBe('highestValue')
    expect(fieldMergeOf('customer', 'markedUnread')).toBe('lastWriterWins')
    expect(fieldMergeOf('customer', 'labels.01JXLABEL')).toBe('lastWriterWins')
    expect(fieldMergeOf('quickReply', 'text')).toBe('lastWriterWins')
    // Written by a newer Kedai, or a kind this one does not know: still merged, never dropped.
    expect(fieldMergeOf('quickReply', 'attachmentIds')).toBe('lastWriterWins')
    expect(fieldMergeOf('invoice', 'total')).toBe('lastWriterWins')
    expect(fieldMergeOf('customer', 'constructor')).toBe('lastWriterWins')
  })

  it('stamps a change with the clock tick and the device that made it', () => {
    const stamped = stampOperation(
      { entity: 'quickReply', id: 'qr1', field: 'text', value: 'Terima kasih!' },
      hlc,
    )
    expect(stamped).toEqual({
      entity: 'quickReply',
      id: 'qr1',
      field: 'text',
      value: 'Terima kasih!',
      hlc: encodeHlc(hlc),
      deviceId: 'counterPc',
    })
    expect(parseOperation(stamped).ok).toBe(true)
    expect(isTombstone({ ...stamped, field: 'deleted', value: true })).toBe(true)
    expect(isTombstone({ ...stamped, field: 'deleted', value: false })).toBe(false)
  })

  it('accepts well-formed operations, including fields it does not know', () => {
    for (const good of [
      op({}),
      op({ field: 'readUpToAt', value: realAt }),
      op({ field: 'labels.01JXLABEL', value: true }),
      op({ field: 'deleted', value: true }),
      op({ entity: 'label', id: 'l1', field: 'color', value: '#25D366' }),
      op({ entity: 'setting', id: 'shop.currency', field: 'value', value: { code: 'IDR' } }),
      op({ entity: 'template', id: 't1', field: 'components', value: [{ type: 'BODY' }] }),
      op({ entity: 'budget', id: 'b1', field: 'limitUsdMicros', value: 25_000_000 }),
      op({ field: 'futureField', value: { any: ['json', 1, null] } }),
    ]) {
      expect(parseOperation(good), JSON.stringify(good)).toEqual({ ok: true, value: good })
    }
  })

  it('refuses malformed operations with a typed error, never a throw', () => {
    const bad: unknown[] = [
      null,
      'customer:name',
      { ...op({}), entity: 'invoice' },
      op({ id: '' }),
      op({ id: 'has:colon' }),
      op({ field: 'Name' }),
      op({ field: '__proto__' }),
      op({ hlc: 'yesterday' }),
      op({ deviceId: 'laptop' }),
      op({ field: 'readUpToAt', value: -1 }),
      op({ field: 'readUpToAt', value: 'today' }),
      op({ field: 'deleted', value: 'yes' }),
      op({ field: 'pinned', value: 1 }),
      op({ entity: 'label', id: 'l1', field: 'color', value: 'red' }),
      op({ entity: 'budget', id: 'b1', field: 'limitUsdMicros', value: 2.5 }),
      op({ field: 'note', value: 'x'.repeat(10_001) }),
      op({ field: 'futureField', value: 'x'.repeat(70_000) }),
      { ...op({}), extra: true },
    ]
    for (const input of bad) {
      const parsed = parseOperation(input)
      expect(parsed.ok ? 'accepted' : parsed.error.code, JSON.stringify(input)?.slice(0, 120)).toBe(
        'INVALID_OPERATION',
      )
    }
  })

  it('spells every JSON value one way', () => {
    expect(canonicalJson({ b: 1, a: [true, null, { d: 'x', c: 2 }] })).toBe(
      '{"a":[true,null,{"c":2,"d":"x"}],"b":1}',
    )
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }))
  })
})
