/** Indonesian texts for quick replies and message templates; typed by the English file. */
import type { templatesEn } from './templates.en'

export const templatesId: typeof templatesEn = {
  title: 'Template',
  empty: 'Belum ada template',
  emptyHint:
    'Dengan template, Anda bisa menghubungi pelanggan lebih dari 24 jam setelah pesan terakhirnya. Fitur membuat template hadir di versi berikutnya.',
}
