import { describe, expect, it } from 'vitest'
import { encodeHlc } from '../../../src-shared/sync/hlc'
import { stampOperation } from '../../../src-shared/sync/operation'
import {
  batchAssociatedData,
  batchContents,
  latestSnapshotResponseSchema,
  maxOperationsPerBatch,
  openBatchContents,
  pullRequestSchema,
  pullResponseSchema,
  pushBatchRequestSchema,
  pushBatchResponseSchema,
  relayRefusalSchema,
  snapshotAssociatedData,
  snapshotOfferSchema,
} from '../../../src-shared/sync/protocol'

const batchId = '01JXA5Q3ZK8W2N6V4T0R9Y7M1B'
const nonce = Buffer.alloc(24, 7).toString('base64')
const ciphertext = Buffer.from('sealed bytes').toString('base64')
const realAt = Date.UTC(2025, 5, 1, 9, 30)

const push = { deviceId: 'laptop', batchId, cursorBefore: 41, keyId: 'k1', nonce, ciphertext }
const item = { seq: 42, deviceId: 'laptop', batchId, keyId: 'k1', nonce, ciphertext }

describe('sync protocol messages', () => {
  it('accepts what a device and the relay exchange', () => {
    expect(pushBatchRequestSchema.parse(push)).toEqual(push)
    const firstPush = { ...push, cursorBefore: undefined }
    expect(pushBatchRequestSchema.safeParse(firstPush).success).toBe(true)
    expect(pushBatchResponseSchema.parse({ seq: 42, duplicate: true })).toEqual({
      seq: 42,
      duplicate: true,
    })
    expect(pullRequestSchema.parse({ after: 0, limit: 500 })).toEqual({ after: 0, limit: 500 })
    const page = { items: [item, { ...item, seq: 43 }], next: 43, hasMore: false }
    expect(pullResponseSchema.parse(page)).toEqual(page)
    expect(pullResponseSchema.safeParse({ items: [], next: 43, hasMore: false }).success).toBe(true)
    const offer = {
      deviceId: 'counterPc',
      snapshotId: batchId,
      cursor: 43,
      keyId: 'k1',
      nonce,
      ciphertext,
    }
    expect(snapshotOfferSchema.parse(offer)).toEqual(offer)
    expect(latestSnapshotResponseSchema.parse({ snapshot: null })).toEqual({ snapshot: null })
    expect(
      relayRefusalSchema.parse({ code: 'CURSOR_COMPACTED', message: 'Load a snapshot' }).code,
    ).toBe('CURSOR_COMPACTED')
  })

  it('refuses malformed messages', () => {
    for (const bad of [
      { ...push, batchId: 'not-a-ulid' },
      { ...push, deviceId: 'has space' },
      { ...push, nonce: Buffer.alloc(12).toString('base64') },
      { ...push, ciphertext: 'not base64!' },
      { ...push, ciphertext: '' },
      { ...push, cursorBefore: -1 },
      { ...push, plaintext: 'leak' },
    ]) {
      expect(pushBatchRequestSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false)
    }
    expect(pullRequestSchema.safeParse({ after: 0, limit: 0 }).success).toBe(false)
    expect(pullRequestSchema.safeParse({ after: 1.5, limit: 10 }).success).toBe(false)
    expect(pullRequestSchema.safeParse({ after: 0, limit: 5000 }).success).toBe(false)
    const outOfOrder = { items: [{ ...item, seq: 43 }, item], next: 43, hasMore: false }
    expect(pullResponseSchema.safeParse(outOfOrder).success).toBe(false)
    expect(pullResponseSchema.safeParse({ items: [item], next: 41, hasMore: false }).success).toBe(
      false,
    )
    expect(relayRefusalSchema.safeParse({ code: 'NOPE', message: '' }).success).toBe(false)
  })

  it('opens a batch into its operations, refusing the bad ones and those of another device', () => {
    const hlc = { wallMs: realAt, counter: 0, node: 'laptop' }
    const good = stampOperation({ entity: 'customer', id: 'c1', field: 'pinned', value: true }, hlc)
    const malformed = { ...good, field: 'pinned', value: 'yes' }
    const forged = { ...good, hlc: encodeHlc({ ...hlc, node: 'counterPc' }), deviceId: 'counterPc' }
    const contents: unknown = JSON.parse(
      JSON.stringify({ format: 1, ops: [good, malformed, forged] }),
    )
    expect(openBatchContents(batchContents([good]), 'laptop')).toEqual({ ops: [good], refused: [] })
    const opened = openBatchContents(contents, 'laptop')
    expect(opened.ops).toEqual([good])
    expect(opened.refused.map((error) => error.code)).toEqual([
      'INVALID_OPERATION',
      'INVALID_OPERATION',
    ])

    expect(openBatchContents({ format: 1, ops: [] }, 'laptop').refused).toHaveLength(1)
    const tooMany = {
      format: 1,
      ops: Array.from({ length: maxOperationsPerBatch + 1 }, () => good),
    }
    expect(openBatchContents(tooMany, 'laptop').ops).toEqual([])
    expect(openBatchContents('garbage', 'laptop').refused[0]?.code).toBe('INVALID_OPERATION')
  })

  it('binds ciphertext to its envelope', () => {
    const a = batchAssociatedData({ deviceId: 'laptop', batchId, keyId: 'k1' })
    expect(a).toContain(batchId)
    expect(a).not.toBe(batchAssociatedData({ deviceId: 'counterPc', batchId, keyId: 'k1' }))
    const snapshot = { deviceId: 'laptop', snapshotId: batchId, cursor: 9, keyId: 'k1' }
    expect(snapshotAssociatedData(snapshot)).not.toBe(
      snapshotAssociatedData({ ...snapshot, cursor: 10 }),
    )
  })
})
