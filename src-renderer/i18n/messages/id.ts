/** Indonesian texts, the shop owner's first language; typed by the English file so none is missing. */
import type { MessageSchema } from './en'

export const id: MessageSchema = {
  startup: {
    opening: 'Membuka Kedai…',
  },
  connection: {
    missingToken:
      'Alamat ini tidak memuat token aksesnya. Buka alamat yang ditampilkan Kedai saat dijalankan.',
    lost: 'Kedai tidak menjawab. Pastikan Kedai masih berjalan, lalu muat ulang halaman ini.',
  },
  nav: {
    label: 'Utama',
    inbox: 'Kotak Masuk',
    templates: 'Template',
    costs: 'Biaya',
    settings: 'Pengaturan',
  },
  inbox: {
    title: 'Kotak Masuk',
    list: {
      title: 'Percakapan',
      empty: 'Belum ada percakapan',
      emptyHint:
        'Saat pelanggan mengirim pesan ke toko Anda lewat WhatsApp, percakapannya muncul di sini.',
    },
    conversation: {
      title: 'Pesan',
      empty: 'Belum ada percakapan yang dibuka',
      emptyHint: 'Pilih percakapan dari daftar untuk membaca dan membalasnya.',
    },
    customer: {
      title: 'Detail pelanggan',
      empty: 'Belum ada pelanggan yang dipilih',
      emptyHint: 'Nama, nomor, label, dan catatan pelanggan muncul di sini.',
    },
  },
  templates: {
    title: 'Template',
    empty: 'Belum ada template',
    emptyHint:
      'Dengan template, Anda bisa menghubungi pelanggan lebih dari 24 jam setelah pesan terakhirnya. Fitur membuat template hadir di versi berikutnya.',
  },
  costs: {
    title: 'Biaya',
    empty: 'Belum ada biaya',
    emptyHint:
      'Biaya tiap pesan dan total pengeluaran bulan ini muncul di sini setelah Anda mulai mengirim.',
  },
  settings: {
    title: 'Pengaturan',
    saveFailed: 'Pengaturan ini tidak dapat disimpan. Coba lagi.',
    language: {
      legend: 'Bahasa',
      system: 'Sama dengan komputer ini ({language})',
    },
    theme: {
      legend: 'Tema',
      system: 'Sama dengan komputer ini',
      light: 'Terang',
      dark: 'Gelap',
    },
    about: {
      title: 'Tentang Kedai',
      version: 'Versi',
      shell: 'Berjalan di',
      electron: 'aplikasi desktop',
      browser: 'peramban web',
      unavailable: 'Tidak tersedia selama Kedai tidak dapat dihubungi.',
    },
  },
  languageNames: {
    id: 'Bahasa Indonesia',
    en: 'English',
  },
}
