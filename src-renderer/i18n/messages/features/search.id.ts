/** Indonesian texts for searching messages and customers. */
import type { searchEn } from './search.en'

export const searchId: typeof searchEn = {
  results: 'Hasil pencarian',
  searching: 'Mencari…',
  indexing: 'Masih membaca pesan untuk pencarian ({indexed} dari {total}); hasil sejauh ini:',
  nothing: 'Tidak ada yang cocok dengan “{query}”.',
  failed: 'Pencarian gagal barusan. Coba lagi.',
  customerMatch: 'Nama atau nomor cocok',
  messageCount: 'tidak ada pesan yang cocok | 1 pesan cocok | {count} pesan cocok',
  more: '{count} percakapan lain juga cocok; tambahkan kata agar lebih tepat.',
  openConversation: 'Buka percakapan dengan {name}',
  openMessage: 'Tampilkan pesan ini dari {time}',
  you: 'Anda:',
  clear: 'Hapus pencarian',
}
