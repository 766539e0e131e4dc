import { describe, expect, it } from 'vitest'
import {
  exportQuickReplies,
  importQuickReplies,
  quickRepliesFileText,
  starterQuickReplies,
  type QuickRepliesImport,
  type QuickReply,
} from '../../../src-shared/quick-replies'

const exportedAt = Date.UTC(2026, 10, 5, 9, 30)

const shopReplies: QuickReply[] = [
  { id: 'a', shortcut: 'rekening', text: 'BCA {{nomor_rekening}}', order: 2, usageCount: 7 },
  {
    id: 'b',
    shortcut: 'katalog',
    text: 'Katalog terbaru 📒',
    attachment: { kind: 'document', mediaRef: 'media-9', fileName: 'katalog.pdf' },
    order: 1,
    usageCount: 0,
  },
  { id: 'c', shortcut: 'halo', text: 'Halo Kak {{first_name}} 👋', order: 0, usageCount: 12 },
]

function fileWith(quickReplies: unknown[], version = 1): string {
  return JSON.stringify({ kind: 'kedai.quick-replies', version, exportedAt: '', quickReplies })
}

function accepted(result: QuickRepliesImport) {
  if (!result.ok) throw new Error(`import failed: ${result.problem}`)
  return result
}

describe('exporting and importing quick replies', () => {
  it('round-trips through the file text', () => {
    const file = exportQuickReplies(shopReplies, exportedAt)
    expect(file).toMatchObject({
      kind: 'kedai.quick-replies',
      version: 1,
      exportedAt: '2026-11-05T09:30:00.000Z',
    })
    const result = accepted(importQuickReplies(quickRepliesFileText(file), []))
    expect(result.rejected).toEqual([])
    expect(result.accepted).toEqual([
      { shortcut: 'halo', text: 'Halo Kak {{first_name}} 👋', order: 0, index: 0 },
      {
        shortcut: 'katalog',
        text: 'Katalog terbaru 📒',
        attachment: { kind: 'document', mediaRef: 'media-9', fileName: 'katalog.pdf' },
        order: 1,
        index: 1,
      },
      { shortcut: 'rekening', text: 'BCA {{nomor_rekening}}', order: 2, index: 2 },
    ])
  })

  it('leaves ids and usage counts in the shop that made them', () => {
    const text = quickRepliesFileText(exportQuickReplies(shopReplies, exportedAt))
    expect(text).not.toContain('usageCount')
    expect(text).not.toContain('"id"')
  })

  it('round-trips the starter set too', () => {
    const starters = starterQuickReplies('id')
    const result = accepted(
      importQuickReplies(quickRepliesFileText(exportQuickReplies(starters, exportedAt)), []),
    )
    expect(result.accepted.map(({ shortcut, text }) => ({ shortcut, text }))).toEqual(
      starters.map(({ shortcut, text }) => ({ shortcut, text })),
    )
  })

  it('places imported items after the shop’s own and normalises their shortcuts', () => {
    const result = accepted(
      importQuickReplies(
        fileWith([{ shortcut: '/Ongkir', text: 'Ongkir {{ongkir}}' }]),
        shopReplies,
      ),
    )
    expect(result.accepted).toEqual([
      { shortcut: 'ongkir', text: 'Ongkir {{ongkir}}', order: 3, index: 0 },
    ])
  })

  it('refuses what is not JSON, not a quick reply file, or from a newer Kedai', () => {
    expect(importQuickReplies('{"kind": ', [])).toEqual({ ok: false, problem: 'not_json' })
    expect(importQuickReplies('[1, 2]', [])).toEqual({ ok: false, problem: 'not_quick_replies' })
    expect(
      importQuickReplies(
        JSON.stringify({ kind: 'kedai.labels', version: 1, quickReplies: [] }),
        [],
      ),
    ).toEqual({
      ok: false,
      problem: 'not_quick_replies',
    })
    expect(importQuickReplies(fileWith([], 2), [])).toEqual({
      ok: false,
      problem: 'newer_version',
      version: 2,
    })
  })

  it('names every bad item and why, and still takes the good ones', () => {
    const result = accepted(
      importQuickReplies(
        fileWith([
          { shortcut: 'halo', text: 'Halo lagi' },
          { shortcut: 'ongkos kirim', text: 'Ongkir' },
          { shortcut: 'panjang', text: 'x'.repeat(4097) },
          { shortcut: 'baru', text: 'Baru' },
          { shortcut: '/BARU', text: 'Baru lagi' },
          { shortcut: 'tanpa-teks' },
          'bukan quick reply',
          {
            shortcut: 'foto',
            text: 'x'.repeat(1025),
            attachment: { kind: 'image', mediaRef: 'm' },
          },
          { shortcut: 'ok', text: 'Siap, Kak' },
        ]),
        shopReplies,
      ),
    )
    expect(result.accepted.map((item) => [item.index, item.shortcut, item.order])).toEqual([
      [3, 'baru', 3],
      [8, 'ok', 4],
    ])
    expect(result.rejected).toEqual([
      { index: 0, shortcut: 'halo', issues: [{ code: 'shortcut_taken', takenBy: 'c' }] },
      { index: 1, shortcut: 'ongkos kirim', issues: [{ code: 'shortcut_characters' }] },
      {
        index: 2,
        shortcut: 'panjang',
        issues: [{ code: 'text_too_long', length: 4097, limit: 4096 }],
      },
      { index: 4, shortcut: '/BARU', issues: [{ code: 'duplicate_in_file', firstIndex: 3 }] },
      { index: 5, shortcut: 'tanpa-teks', issues: [{ code: 'item_invalid', field: 'text' }] },
      { index: 6, shortcut: null, issues: [{ code: 'item_invalid', field: '' }] },
      {
        index: 7,
        shortcut: 'foto',
        issues: [{ code: 'text_too_long', length: 1025, limit: 1024 }],
      },
    ])
  })
})
