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
  failure: {
    notAnswering: 'Kedai tidak menjawab. Coba lagi sebentar lagi.',
  },
  vault: {
    language: 'Bahasa',
    create: {
      title: 'Buat toko Anda',
      intro:
        'Kedai menyimpan percakapan toko Anda di komputer ini, terkunci dengan frasa sandi yang hanya Anda ketahui.',
      shopName: 'Nama toko',
      shopNameHint: 'Nama yang Anda pakai dengan pelanggan. Hanya Anda yang melihatnya di sini.',
      passphrase: 'Frasa sandi',
      passphraseHint:
        'Minimal {minimum} karakter. Beberapa kata yang mudah Anda ingat sudah bagus.',
      confirmation: 'Ketik frasa sandi sekali lagi',
      keepItSafe:
        'Kedai tidak bisa memulihkan frasa sandi yang terlupa. Tuliskan dan simpan di tempat yang aman.',
      submit: 'Buat toko saya',
      creating: 'Membuat toko Anda… Mengubah frasa sandi menjadi kunci butuh sedikit waktu.',
      progress: 'Membuat toko Anda',
      nameMissing: 'Beri nama toko Anda.',
      tooShort: 'Gunakan minimal {minimum} karakter.',
      mismatch: 'Kedua frasa sandi tidak sama.',
    },
    strength: {
      tooShort: 'Terlalu pendek: minimal {minimum} karakter',
      weak: 'Lemah: tambahkan kata atau karakter',
      fair: 'Cukup: sedikit lebih panjang akan lebih kuat',
      strong: 'Kuat',
    },
    unlock: {
      title: 'Kedai terkunci',
      intro: 'Masukkan frasa sandi Anda untuk membuka toko.',
      passphrase: 'Frasa sandi',
      submit: 'Buka kunci',
      unlocking: 'Membuka kunci…',
      empty: 'Masukkan frasa sandi Anda.',
      wrong: 'Frasa sandi itu tidak benar.',
      restored:
        'Cadangan tanggal {date} sudah dipasang kembali. Buka kuncinya dengan frasa sandi toko Anda saat itu.',
    },
    damaged: {
      title: 'File data toko Anda tidak dapat dibuka',
      intro:
        'Tidak ada yang dihapus. Anda bisa memasang cadangan sebagai gantinya; file yang tidak bisa dibuka disimpan terpisah.',
      found: 'Yang ditemukan Kedai:',
      restoreLatest: 'Pulihkan cadangan terbaru ({date})',
      restoreLatestHint:
        'Kedai membuat cadangan ini sendiri setiap kali ditutup dengan normal. Cadangan ini dibuka dengan frasa sandi toko Anda saat itu.',
      restoring: 'Memulihkan cadangan…',
      noBackup: 'Belum ada cadangan otomatis di komputer ini.',
      fromFile: 'Atau pulihkan cadangan yang pernah Anda ekspor',
    },
    unreachable: {
      title: 'Kedai belum dapat membuka toko Anda',
      intro: 'Kedai tidak menjawab saat ditanya apakah toko Anda terkunci.',
      retry: 'Coba lagi',
    },
    lock: {
      button: 'Kunci',
      description: 'Kunci Kedai sekarang ({shortcut})',
    },
  },
  backup: {
    export: {
      button: 'Ekspor cadangan',
      exporting: 'Menyiapkan cadangan…',
      done: 'Disimpan sebagai {file}. Cadangan ini terkunci seperti toko Anda: dibuka dengan frasa sandi Anda sekarang.',
    },
    restore: {
      choose: 'Pulihkan dari file',
      intro:
        'Kedai memeriksa file sebelum mengganti apa pun. Data Anda saat ini tidak dihapus: disimpan terpisah bersama cadangan.',
      reading: 'Membaca file…',
      unreadable: 'File itu tidak dapat dibaca. Tidak ada yang diubah.',
      chosen: 'File cadangan: {name}',
      passphrase: 'Frasa sandi cadangan',
      passphraseHint: 'Frasa sandi toko Anda saat cadangan ini dibuat.',
      empty: 'Masukkan frasa sandi cadangan.',
      submit: 'Pulihkan cadangan ini',
      cancel: 'Batal',
      restoring: 'Memeriksa dan memulihkan cadangan…',
      done: 'Cadangan sudah dipulihkan dan toko Anda terbuka.',
      wrongPassphrase: 'Itu bukan frasa sandi cadangan ini. Tidak ada yang diubah.',
    },
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
    security: {
      title: 'Keamanan',
      autoLock: {
        legend: 'Kunci Kedai bila saya tidak aktif selama',
        never: 'Jangan kunci otomatis',
        minutes: '{count} menit',
        hour: '1 jam',
      },
      passphrase: {
        title: 'Ganti frasa sandi',
        intro: 'Hanya kunci pembuka data Anda yang dikunci ulang, jadi prosesnya cepat.',
        current: 'Frasa sandi saat ini',
        next: 'Frasa sandi baru',
        confirmation: 'Ketik frasa sandi baru sekali lagi',
        submit: 'Ganti frasa sandi',
        changing: 'Mengganti frasa sandi…',
        done: 'Frasa sandi Anda sudah diganti. Mulai sekarang gunakan yang baru.',
        wrong: 'Frasa sandi saat ini tidak benar. Tidak ada yang diubah.',
        currentMissing: 'Masukkan frasa sandi Anda saat ini.',
      },
      remember: {
        label: 'Ingat di komputer ini',
        hint: 'Kedai lalu terbuka tanpa meminta frasa sandi, memakai penyimpanan kunci (keychain) komputer ini. Siapa pun yang bisa memakai akun komputer ini dapat membuka toko Anda.',
        unavailable: 'Tidak tersedia di sini:',
        confirm: 'Masukkan frasa sandi Anda untuk menyalakan ini.',
        passphrase: 'Frasa sandi',
        submit: 'Ingat',
        cancel: 'Batal',
        wrong: 'Frasa sandi itu tidak benar. Tidak ada yang diubah.',
        empty: 'Masukkan frasa sandi Anda.',
      },
      backup: {
        title: 'Cadangan',
        restore: 'Pulihkan dari cadangan',
        intro:
          'Kedai menyimpan beberapa cadangan sendiri. Ekspor satu cadangan untuk menyimpan salinannya di tempat lain, misalnya flashdisk.',
      },
      tamper: {
        title: 'Pesan yang tidak dapat dibuka',
        intro: 'Beberapa pesan tidak dapat dibuka dan disembunyikan:',
        message: 'percakapan {conversation}, pesan {message}',
        conversation: 'percakapan {conversation}',
        other: '{table} ({column}), baris {row}',
        why: 'Pesan itu diubah di luar Kedai atau rusak di disk. Data toko Anda yang lain baik-baik saja.',
      },
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
