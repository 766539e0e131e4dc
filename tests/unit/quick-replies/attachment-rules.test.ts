import { describe, expect, it } from 'vitest'
import { attachmentKindOf } from '../../../src-shared/quick-replies/attachment-rules'

const mb = 1024 * 1024

describe('which files a quick reply may carry', () => {
  it('sends JPEG and PNG as photos, PDF and office files as documents', () => {
    expect(attachmentKindOf({ mimeType: 'image/jpeg', size: 10 })).toEqual({
      ok: true,
      kind: 'image',
    })
    expect(attachmentKindOf({ mimeType: 'IMAGE/PNG', size: 10 })).toEqual({
      ok: true,
      kind: 'image',
    })
    expect(attachmentKindOf({ mimeType: 'application/pdf', size: 10 })).toEqual({
      ok: true,
      kind: 'document',
    })
    expect(attachmentKindOf({ mimeType: 'text/plain; charset=utf-8', size: 10 })).toEqual({
      ok: true,
      kind: 'document',
    })
  })

  it('refuses what the platform does not take, an empty file, and a file over its limit', () => {
    expect(attachmentKindOf({ mimeType: 'image/gif', size: 10 })).toEqual({
      ok: false,
      issue: { code: 'attachment_type', mimeType: 'image/gif' },
    })
    expect(attachmentKindOf({ mimeType: 'image/png', size: 0 })).toEqual({
      ok: false,
      issue: { code: 'attachment_empty' },
    })
    expect(attachmentKindOf({ mimeType: 'image/png', size: 5 * mb })).toMatchObject({ ok: true })
    expect(attachmentKindOf({ mimeType: 'image/png', size: 5 * mb + 1 })).toEqual({
      ok: false,
      issue: { code: 'attachment_too_large', kind: 'image', size: 5 * mb + 1, limit: 5 * mb },
    })
    expect(attachmentKindOf({ mimeType: 'application/pdf', size: 16 * mb + 1 })).toMatchObject({
      ok: false,
      issue: { code: 'attachment_too_large', kind: 'document' },
    })
  })
})
