/** Indonesian texts for devices, pairing and sync; typed by the English file. */
import type { syncEn } from './sync.en'

export const syncId: typeof syncEn = {
  time: {
    justNow: 'baru saja',
  },
  indicator: {
    label: 'Sinkron',
    state: {
      notConfigured: 'Belum terhubung',
      connecting: 'Menghubungkan…',
      online: 'Online',
      offline: 'Offline',
      refused: 'Ditolak',
    },
    offlineSince: 'sejak {time}',
    lastSynced: 'Sinkron {ago}',
    sending: 'Mengirim {count} balasan',
    willSend: '{count} balasan terkirim saat online',
    syncNow: 'Sinkronkan',
    syncing: 'Menyinkronkan…',
  },
  refused: {
    title: 'Relay toko tidak lagi menerima komputer ini.',
    what: 'Komputer ini dihapus dari toko di perangkat lain, atau aksesnya dicabut. Yang sudah ada di sini tetap bisa dibaca, tetapi tidak ada yang baru masuk dan balasan yang ditulis di sini tidak akan terkirim.',
    todo: 'Jika ini keliru, minta pemilik menambahkan komputer ini lagi: di perangkat yang masih di toko, buka Pengaturan › Perangkat › Tambah perangkat, lalu bergabung dengan kode itu dari instalasi Kedai yang baru di komputer ini.',
  },
  devices: {
    title: 'Perangkat',
    intro: 'Semua komputer toko melihat percakapan, balasan, catatan, dan tanda yang sama.',
    load: 'Daftar perangkat tidak bisa dimuat: {reason}',
    thisDevice: 'komputer ini',
    added: 'Ditambahkan {date}',
    removed: 'Dihapus {date}',
    lastSeen: 'terakhir aktif {time}',
    neverSeen: 'belum aktif sejak ditambahkan',
    remove: 'Hapus',
    removeNamed: 'Hapus {name}',
    confirmRemove:
      'Hapus “{name}” dari toko? Perangkat itu tidak akan lagi menerima atau mengirim apa pun untuk toko.',
    confirm: 'Ya, hapus',
    cancel: 'Jangan',
    removedDone: '“{name}” sudah dihapus dari toko.',
    notJoined: 'Komputer ini belum terhubung ke relay, jadi untuk sementara bekerja sendiri.',
    joinInstead: 'Gabung ke toko yang sudah ada di komputer lain',
    enrolInstead: 'Hubungkan toko ini ke relay saja',
  },
  pairing: {
    add: 'Tambah perangkat',
    making: 'Membuat kode…',
    codeLabel: 'Kode pasangan sekali pakai',
    instructions:
      'Di komputer baru, pasang Kedai, pilih “Gabung ke toko yang sudah ada”, lalu ketik kode ini dan alamat relay di bawah. Kode hanya berlaku sekali.',
    relay: 'Alamat relay',
    expiresIn: 'Berlaku {time} lagi',
    expired: 'Kode ini sudah kedaluwarsa. Buat yang baru.',
    copy: 'Salin kode',
    copied: 'Tersalin',
    another: 'Buat kode baru',
    failed: 'Kode tidak bisa dibuat: {reason}',
    qrLabel: 'Kode QR berisi alamat relay dan kode pasangan ini',
    qrHint:
      'Atau pindai QR ini dengan ponsel dan kirim teksnya ke komputer baru: ditempel di “Kode pasangan”, alamat relay ikut terisi.',
  },
  relayForm: {
    title: 'Hubungkan toko ini ke relay-nya',
    intro:
      'Pengelola relay memberi kode pendaftaran sekali pakai untuk komputer pertama toko. Ketik alamat relay dan kode itu.',
    relayUrl: 'Alamat relay',
    relayUrlHint: 'Misalnya https://relay.contoh.com',
    code: 'Kode pendaftaran',
    submit: 'Hubungkan',
    connecting: 'Menghubungkan…',
    badUrl: 'Ketik alamat relay seperti yang diberikan, diawali https:// atau http://.',
    codeMissing: 'Ketik kode pendaftaran.',
    refused:
      'Relay tidak menerima kode ini. Periksa lagi, atau minta kode baru ke pengelola relay.',
    unreachable: 'Relay tidak bisa dihubungi. Periksa alamatnya dan internet komputer ini.',
  },
  join: {
    offer: 'Toko ini sudah ada di komputer lain?',
    open: 'Gabung ke toko yang sudah ada',
    back: 'Buat toko baru saja',
    title: 'Gabung ke toko yang sudah ada',
    intro:
      'Di komputer yang sudah ada di toko, buka Pengaturan › Perangkat › Tambah perangkat. Di sana tampil kode sekali pakai dan alamat relay.',
    relayUrl: 'Alamat relay',
    code: 'Kode pasangan',
    codeHint:
      'Empat kelompok berisi empat huruf dan angka, mis. K7QM-2XD9-PT4H-WN3B, atau teks dari QR pasangan',
    passphrase: 'Kata sandi baru untuk komputer ini',
    passphraseHint:
      'Minimal {minimum} karakter. Hanya mengunci toko di komputer ini; komputer lain tetap memakai kata sandinya sendiri.',
    confirmation: 'Ketik kata sandi sekali lagi',
    submit: 'Gabung ke toko',
    joining: 'Bergabung ke toko dan mengambil riwayatnya…',
    provisionalName: 'Toko yang digabung',
    fromSettings:
      'Percakapan dan riwayat toko datang dari komputer lain; balasan cepat, label, dan catatan yang ditulis di sini ikut bergabung ke toko.',
    badUrl: 'Ketik alamat relay yang tampil di komputer lain, diawali https:// atau http://.',
    codeMissing: 'Ketik kode pasangan yang tampil di komputer lain.',
    badCode:
      'Kode pasangan ini salah, sudah kedaluwarsa (kode berlaku 10 menit), atau sudah dipakai. Buat kode baru di komputer lain dan ketik di sini.',
    unreachable:
      'Relay tidak bisa dihubungi. Periksa alamatnya dan internet komputer ini, lalu coba lagi.',
  },
}
