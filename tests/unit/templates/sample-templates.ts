import { type TemplateDraft } from '../../../src-shared/templates'

/** A utility template that breaks no rule: each test changes one thing. */
export const shippedTemplate: TemplateDraft = {
  name: 'order_shipped',
  language: 'id',
  category: 'UTILITY',
  header: { kind: 'text', text: 'Pesanan {{1}} dikirim', example: 'INV-001' },
  body: {
    text: 'Halo {{1}}, pesanan Kakak sudah dikirim lewat {{2}}. Terima kasih!',
    examples: { '1': 'Rina', '2': 'JNE' },
  },
  footer: 'Toko Rina',
  buttons: [
    {
      type: 'URL',
      text: 'Lacak paket',
      url: 'https://toko.example/lacak/{{1}}',
      example: 'JNE123',
    },
    { type: 'PHONE_NUMBER', text: 'Telepon kami', phoneNumber: '+62 812-3456-7890' },
    { type: 'QUICK_REPLY', text: 'Sudah terima' },
    { type: 'QUICK_REPLY', text: 'Belum sampai' },
  ],
}

/** A marketing template with named variables and a copy code button. */
export const promoTemplate: TemplateDraft = {
  name: 'promo_akhir_bulan',
  language: 'id',
  category: 'MARKETING',
  header: { kind: 'media', media: 'image', mediaRef: 'media-banner' },
  body: {
    text: 'Halo {{first_name}}, ada diskon {{discount}} di {{shop}} sampai {{end_date}}!',
    examples: { first_name: 'Rina', discount: '20%', shop: 'Toko Rina', end_date: '30 November' },
  },
  footer: 'Balas STOP untuk berhenti',
  buttons: [
    { type: 'COPY_CODE', example: 'HEMAT20' },
    { type: 'QUICK_REPLY', text: 'Berhenti promosi' },
  ],
}
