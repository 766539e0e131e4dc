import { describe, expect, it } from 'vitest'
import { buildMediaMessage } from '../../../src-shared/whatsapp'

const customer = '+6281234567890'

describe('a photo or document message', () => {
  it('names the uploaded photo by its media id, with the caption and the callback data', () => {
    expect(
      buildMediaMessage({
        to: customer,
        kind: 'image',
        mediaId: '1479537139650973',
        caption: 'Daftar harga minggu ini',
        bizOpaqueCallbackData: '01JBZ8Q5N4X0W3C7K2R9T6V1M8',
      }),
    ).toStrictEqual({
      ok: true,
      body: {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: customer,
        biz_opaque_callback_data: '01JBZ8Q5N4X0W3C7K2R9T6V1M8',
        type: 'image',
        image: { id: '1479537139650973', caption: 'Daftar harga minggu ini' },
      },
    })
  })

  it('gives a document its file name, and leaves out an empty caption', () => {
    const built = buildMediaMessage({
      to: customer,
      kind: 'document',
      mediaId: '1479537139650974',
      caption: '  ',
      fileName: 'katalog-batik.pdf',
      replyTo: 'wamid.question',
    })
    expect(built).toStrictEqual({
      ok: true,
      body: {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: customer,
        context: { message_id: 'wamid.question' },
        type: 'document',
        document: { id: '1479537139650974', filename: 'katalog-batik.pdf' },
      },
    })
  })

  it('refuses a caption over 1,024 characters (counted as characters), and a missing media id', () => {
    const long = buildMediaMessage({
      to: customer,
      kind: 'image',
      mediaId: '1',
      caption: '🙂'.repeat(1025),
    })
    expect(long).toMatchObject({ ok: false, reason: 'captionTooLong' })
    expect(
      buildMediaMessage({ to: customer, kind: 'image', mediaId: '1', caption: '🙂'.repeat(1024) })
        .ok,
    ).toBe(true)
    expect(buildMediaMessage({ to: customer, kind: 'image', mediaId: '' })).toMatchObject({
      ok: false,
      reason: 'invalidMedia',
    })
  })
})
