/** Indonesian texts, the shop owner's first language; typed by the English file so none is missing. */
import type { MessageSchema } from './en'
import { costsId } from './features/costs.id'
import { syncId } from './features/sync.id'
import { customersId } from './features/customers.id'
import { searchId } from './features/search.id'
import { templatesId } from './features/templates.id'

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
    templates: 'Balasan',
    costs: 'Biaya',
    settings: 'Pengaturan',
  },
  inbox: {
    title: 'Kotak Masuk',
    list: {
      title: 'Percakapan',
      label: 'Percakapan, terbaru di atas',
      empty: 'Belum ada percakapan',
      emptyHint:
        'Saat pelanggan mengirim pesan ke toko Anda lewat WhatsApp, percakapannya muncul di sini.',
      loading: 'Memuat percakapan…',
      loadFailed: 'Percakapan tidak dapat dibaca.',
      refreshFailed:
        'Daftar belum dapat diperbarui; yang tampil adalah yang terakhir dibaca Kedai.',
      retry: 'Coba lagi',
      noMatch: 'Tidak ada percakapan yang cocok.',
      showAll: 'Tampilkan semua percakapan',
      unread: '{count} belum dibaca',
      waiting: 'Menunggu {duration}',
      pinned: 'Disematkan',
    },
    search: {
      label: 'Cari percakapan',
      placeholder: 'Cari nama, nomor, pesan',
    },
    filters: {
      label: 'Tampilkan',
      all: 'Semua',
      unread: 'Belum dibaca',
      waiting: 'Menunggu',
      windowOpen: 'Jendela terbuka',
      archived: 'Diarsipkan',
    },
    window: {
      label: 'Jendela layanan:',
      closed: 'tertutup',
      hoursLeft: 'sisa {hours} j',
      minutesLeft: 'sisa {minutes} mnt',
      closesIn: 'tutup dalam {hours} j {minutes} m',
      closesInMinutes: 'tutup dalam {minutes} m',
      freeEntry: 'Masuk gratis',
      freeEntryFor: 'Masuk gratis: pesan gratis selama {duration}',
      freeEntryIfAnswered: 'Masuk gratis jika dijawab sekarang',
      freeEntryHint:
        'Pelanggan ini datang dari iklan atau Halaman Facebook Anda. Jawab dalam 24 jam dan semua yang Anda kirim selama 72 jam berikutnya gratis.',
    },
    time: {
      today: 'Hari ini',
      yesterday: 'Kemarin',
      lessThanMinute: 'kurang dari 1 mnt',
      minutes: '{count} mnt',
      hours: '{count} j',
      days: '{count} hr',
      withCustomerTime: '{time} (waktu Anda) · {theirs} bagi pelanggan ({zone})',
    },
    preview: {
      fromShop: 'Anda: {text}',
      labelled: '{label}: {text}',
      photo: '📷 Foto',
      video: '🎞️ Video',
      voice: '🎤 Pesan suara',
      audio: '🎵 Audio',
      document: '📄 Dokumen',
      sticker: '🙂 Stiker',
      location: '📍 Lokasi',
      contacts: '👤 Kontak',
      order: '🛒 Pesanan, {count} barang',
      reaction: 'Memberi reaksi {emoji}',
      reactionRemoved: 'Menarik reaksi',
      system: 'Pemberitahuan WhatsApp',
      unsupported: 'Pesan yang tidak dapat ditampilkan Kedai',
    },
    conversation: {
      title: 'Pesan',
      empty: 'Belum ada percakapan yang dibuka',
      emptyHint: 'Pilih percakapan dari daftar untuk membaca dan membalasnya.',
      log: 'Pesan dengan {name}',
      loading: 'Memuat pesan…',
      loadFailed: 'Pesan tidak dapat dibaca.',
      older: 'Tampilkan pesan sebelumnya',
      loadingOlder: 'Memuat pesan sebelumnya…',
      start: 'Ini awal percakapan.',
    },
    message: {
      you: 'Anda',
      reply: 'Balas',
      replyTo: 'Balas pesan dari {author} ini',
      showQuoted: 'Tampilkan pesan yang dijawab',
      earlierMessage: 'Pesan sebelumnya',
      fromAd: 'Dari iklan',
      fromPhoneApp: 'Dikirim dari aplikasi WhatsApp Business',
      tappedButton: 'Menekan tombol',
      reactedTo: 'memberi reaksi pada',
      reactionRemoved: 'Menarik reaksi pada',
      systemNotice: 'Pemberitahuan dari WhatsApp',
      unsupported: 'Jenis pesan yang tidak dapat ditampilkan Kedai ({type}).',
      unsupportedHint: 'Minta pelanggan mengirimnya lagi sebagai teks atau foto.',
    },
    media: {
      image: 'Foto',
      video: 'Video',
      audio: 'Audio',
      voice: 'Pesan suara',
      document: 'Dokumen',
      sticker: 'Stiker',
      notShown: 'Tidak diunduh: Kedai belum memuat media.',
      sentFromShop: 'Dikirim dari balasan cepat Anda.',
    },
    location: {
      title: 'Lokasi',
      coordinates: 'Lintang {latitude}, bujur {longitude}',
    },
    contacts: {
      title: 'Kontak yang dibagikan',
    },
    order: {
      title: 'Pesanan',
      item: 'Barang',
      quantity: 'Jumlah',
      price: 'Harga',
      total: 'Total',
      mixedCurrencies: 'beberapa mata uang',
    },
    delivery: {
      queued: 'Menunggu dikirim',
      unknown: 'Belum pasti terkirim: Kedai tidak akan mengirimnya dua kali',
      sent: 'Terkirim',
      delivered: 'Diterima',
      read: 'Dibaca',
      played: 'Diputar',
      failed: 'Tidak terkirim',
    },
    failure: {
      title: 'Tidak terkirim',
      whatToDo: 'Yang perlu dilakukan:',
      code: 'Kesalahan WhatsApp {code}',
      reasons: {
        windowClosed: {
          explanation:
            'Sudah lebih dari 24 jam sejak pelanggan ini terakhir menulis, jadi WhatsApp sekarang hanya menerima template yang disetujui.',
          ownerAction:
            'Kirim template yang disetujui. Setelah pelanggan menjawab, Anda bisa menulis bebas lagi selama 24 jam.',
        },
        undeliverable: {
          explanation:
            'WhatsApp tidak dapat mengirim pesan ini: nomornya mungkin tidak terdaftar di WhatsApp, atau pelanggan belum menyetujui ketentuan WhatsApp terbaru atau memakai aplikasi yang sangat lama.',
          ownerAction:
            'Periksa nomornya dengan pelanggan lewat cara lain. Mengirim pesan yang sama lagi tidak akan membantu.',
        },
        rateLimited: {
          explanation: 'Nomor Anda mengirim terlalu banyak pesan dalam waktu singkat.',
          ownerAction: 'Tidak perlu apa-apa: Kedai memperlambat dan mengirimnya lagi sendiri.',
        },
        pairRateLimited: {
          explanation: 'Terlalu banyak pesan ke satu pelanggan ini dalam waktu singkat.',
          ownerAction:
            'Tidak perlu apa-apa: Kedai menunggu beberapa detik lalu mengirimnya lagi. Pesan yang lebih sedikit dan lebih panjang mencegah hal ini.',
        },
        marketingCap: {
          explanation:
            'WhatsApp menahan pesan pemasaran ini karena pelanggan ini baru-baru ini menerima banyak pesan pemasaran dari berbagai bisnis.',
          ownerAction:
            'Jangan kirim ulang sekarang. Coba lagi sehari atau lebih kemudian, atau tunggu sampai pelanggan menulis kepada Anda.',
        },
        optedOut: {
          explanation: 'Pelanggan ini memilih berhenti menerima pesan pemasaran dari bisnis Anda.',
          ownerAction:
            'Jangan kirimi promosi lagi. Jawaban atas pertanyaannya dan kabar pesanan tetap sampai.',
        },
        spamRateLimited: {
          explanation:
            'WhatsApp membatasi nomor Anda karena banyak pelanggan memblokir atau melaporkan pesannya.',
          ownerAction:
            'Hentikan promosi sementara, tulis hanya kepada pelanggan yang ingin mendengar dari Anda, dan periksa peringkat kualitas Anda.',
        },
        templateProblem: {
          explanation: 'WhatsApp menolak template ini.',
          ownerAction:
            'Buka templatenya: pastikan sudah disetujui, dalam bahasa yang benar, dan semua nilainya terisi.',
        },
        tokenExpired: {
          explanation:
            'Token akses yang dipakai relay untuk berbicara dengan WhatsApp sudah kedaluwarsa atau tidak berlaku.',
          ownerAction: 'Minta pengelola relay Anda memperbarui token akses WhatsApp.',
        },
        notInAllowList: {
          explanation:
            'Nomor ini bukan salah satu penerima uji yang diizinkan untuk akun uji WhatsApp Anda.',
          ownerAction:
            'Tambahkan nomor ini ke penerima yang diizinkan di dasbor pengembang Meta, atau beralih ke nomor produksi.',
        },
        unsupportedMessage: {
          explanation: 'Jenis pesan ini belum bisa dikirim antara WhatsApp dan aplikasi bisnis.',
          ownerAction: 'Minta pelanggan mengirimnya lagi sebagai teks atau foto.',
        },
        mediaProblem: {
          explanation: 'WhatsApp tidak bisa menerima foto atau dokumen dari pesan ini.',
          ownerAction:
            'Buka balasan cepat dan lampirkan filenya lagi (foto JPEG atau PNG, atau PDF), lalu kirim ulang.',
        },
        unknown: {
          explanation: 'WhatsApp menolak pesan ini karena alasan yang belum dikenal Kedai.',
          ownerAction:
            'Jangan kirim ulang begitu saja. Kode kesalahan dan rinciannya menjelaskan yang terjadi; keduanya disimpan bersama pesan.',
        },
      },
      codes: {
        c132000: {
          explanation: 'Jumlah nilai yang diberikan tidak sesuai dengan isian template.',
          ownerAction: 'Isi semua isian template lalu kirim lagi.',
        },
        c132001: {
          explanation: 'Template ini tidak ada dalam bahasa tersebut, atau belum disetujui.',
          ownerAction:
            'Periksa nama dan bahasa template, dan pastikan WhatsApp sudah menyetujuinya.',
        },
        c132005: {
          explanation: 'Template beserta nilai yang diisikan terlalu panjang.',
          ownerAction: 'Gunakan nilai yang lebih pendek.',
        },
        c132007: {
          explanation: 'Teks template melanggar aturan format atau isi WhatsApp.',
          ownerAction: 'Ubah template dan ajukan lagi untuk ditinjau.',
        },
        c132012: {
          explanation:
            'Sebuah nilai tidak berformat seperti yang diharapkan template (misalnya teks di tempat gambar).',
          ownerAction: 'Periksa header dan nilai yang Anda isikan.',
        },
        c132015: {
          explanation: 'Template ini dijeda karena kualitasnya rendah.',
          ownerAction:
            'Ubah template atau pakai yang lain; template yang dijeda tidak dapat dikirim.',
        },
        c132016: {
          explanation: 'Template ini dinonaktifkan karena kualitasnya tetap rendah.',
          ownerAction: 'Buat template baru; template ini tidak dapat dikirim lagi.',
        },
      },
    },
    composer: {
      label: 'Pesan untuk {name}',
      placeholder: 'Tulis balasan',
      send: 'Kirim',
      window: 'Jendela layanan {countdown}',
      counter: '{count} / {limit} karakter',
      tooLong:
        'Terlalu panjang untuk dikirim: {count} karakter. WhatsApp menerima paling banyak {limit} dalam satu pesan; bagi menjadi dua.',
      captionTooLong:
        'Terlalu panjang untuk dikirim bersama berkas: {count} karakter. WhatsApp menerima paling banyak {limit} dalam keterangan.',
      attachmentLabel: 'Akan dikirim bersama',
      removeAttachment: 'Hapus lampiran',
      replyingTo: 'Membalas',
      cancelReply: 'Batalkan balasan',
      refusedWindowClosed:
        'Tidak terkirim: jendela 24 jam pelanggan sudah tertutup, jadi WhatsApp sekarang hanya mengizinkan template yang disetujui. Teks Anda tetap tersimpan di bawah.',
      windowClosed:
        'Pelanggan terakhir menulis lebih dari 24 jam yang lalu, jadi WhatsApp hanya mengizinkan template yang disetujui.',
      neverWrote:
        'Pelanggan ini belum pernah menulis kepada Anda, jadi WhatsApp hanya mengizinkan template yang disetujui.',
      chooseTemplate: 'Pilih template',
    },
    templates: {
      title: 'Template',
      close: 'Tutup',
      empty: 'Belum ada template yang disetujui',
      hint: 'Template ditulis di Kedai dan disetujui oleh WhatsApp; fitur ini hadir di versi berikutnya.',
    },
    customer: {
      title: 'Detail pelanggan',
      empty: 'Belum ada pelanggan yang dipilih',
      emptyHint: 'Nama, nomor, label, dan catatan pelanggan muncul di sini.',
      unknown: 'Pelanggan tanpa nama',
      profileName: 'Di WhatsApp: {name}',
      phone: 'Telepon',
      country: 'Negara',
      market: 'Pasar untuk harga',
      firstSeen: 'Pertama kali menghubungi',
      notKnown: 'Tidak diketahui',
      optedOut: 'Berhenti menerima pemasaran sejak {date}',
      optedOutShort: 'Tanpa pemasaran',
    },
    shortcuts: {
      show: 'Pintasan keyboard',
      title: 'Pintasan keyboard',
      keys: 'Tombol',
      action: 'Fungsinya',
      or: 'atau',
      move: 'Berpindah antarpercakapan di daftar',
      openConversation: 'Buka percakapan',
      adjacent: 'Buka percakapan sebelumnya atau berikutnya, dari mana saja',
      search: 'Cari percakapan',
      send: 'Kirim pesan',
      newLine: 'Baris baru di pesan',
      cancelReply: 'Batalkan balasan, atau tutup lembar ini',
      sheet: 'Tampilkan lembar ini',
      lock: 'Kunci Kedai',
      close: 'Tutup',
    },
    markets: {
      indonesia: 'Indonesia',
      india: 'India',
      brazil: 'Brasil',
      mexico: 'Meksiko',
      northAmerica: 'Amerika Utara',
      malaysia: 'Malaysia',
      singapore: 'Singapura',
      restOfAsiaPacific: 'Asia Pasifik lainnya',
      restOfLatinAmerica: 'Amerika Latin lainnya',
      restOfAfrica: 'Afrika lainnya',
      restOfCentralEasternEurope: 'Eropa Tengah & Timur lainnya',
      restOfWesternEurope: 'Eropa Barat lainnya',
      restOfMiddleEast: 'Timur Tengah lainnya',
      other: 'Lainnya',
      argentina: 'Argentina',
      chile: 'Cile',
      colombia: 'Kolombia',
      egypt: 'Mesir',
      france: 'Prancis',
      germany: 'Jerman',
      israel: 'Israel',
      italy: 'Italia',
      netherlands: 'Belanda',
      nigeria: 'Nigeria',
      pakistan: 'Pakistan',
      peru: 'Peru',
      russia: 'Rusia',
      saudiArabia: 'Arab Saudi',
      southAfrica: 'Afrika Selatan',
      spain: 'Spanyol',
      turkey: 'Turki',
      unitedArabEmirates: 'Uni Emirat Arab',
      unitedKingdom: 'Inggris Raya',
    },
  },
  templates: templatesId,
  costs: costsId,
  sync: syncId,
  customers: customersId,
  search: searchId,
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
