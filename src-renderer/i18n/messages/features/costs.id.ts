/** Indonesian texts for the cost meter and the costs screen; typed by the English file. */
import type { costsEn } from './costs.en'

export const costsId: typeof costsEn = {
  title: 'Biaya',
  empty: 'Belum ada biaya',
  emptyHint:
    'Biaya tiap pesan dan total pengeluaran bulan ini muncul di sini setelah Anda mulai mengirim.',
}
