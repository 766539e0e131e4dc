/**
 * The quick replies a new shop starts with, in Indonesian and in English: greeting, payment
 * details, shipping cost, thank you, away. Their ids are fixed ULIDs so two devices of one shop
 * that both seed the set converge on the same five rows instead of ten.
 *
 * The account number and the shipping cost are custom variables on purpose: until the owner
 * writes their own into the text, Kedai asks for them at send time, and a sample account number
 * can never reach a customer who would transfer money to it.
 */
import { type Language } from '../preferences/preferences'
import { type QuickReply } from './quick-reply'

function starter(id: string, order: number, shortcut: string, text: string): QuickReply {
  return { id: `01JC8Z0000STARTER0000000${id}`, shortcut, text, order, usageCount: 0 }
}

const indonesian: readonly QuickReply[] = [
  starter(
    '01',
    0,
    'halo',
    'Halo Kak {{first_name}} 👋 Terima kasih sudah menghubungi {{shop}}. Ada yang bisa kami bantu?',
  ),
  starter(
    '02',
    1,
    'rekening',
    'Total pesanan Kakak {{order_total}}.\nSilakan transfer ke rekening {{nomor_rekening}}.\n' +
      'Setelah transfer, mohon kirim bukti pembayarannya di sini ya, Kak 🙏',
  ),
  starter(
    '03',
    2,
    'ongkir',
    'Ongkos kirim ke alamat Kakak {{ongkir}} (estimasi sampai {{estimasi}}). ' +
      'Mau lanjut dipesan, Kak?',
  ),
  starter(
    '04',
    3,
    'makasih',
    'Terima kasih sudah belanja di {{shop}}, Kak {{first_name}} 🙏 Ditunggu pesanan berikutnya ya!',
  ),
  starter(
    '05',
    4,
    'tutup',
    'Halo Kak, terima kasih sudah menghubungi {{shop}}. Saat ini kami sedang tutup; ' +
      'pesan Kakak akan kami balas secepatnya begitu buka kembali 🙏',
  ),
]

const english: readonly QuickReply[] = [
  starter(
    '11',
    0,
    'hello',
    'Hi {{first_name}} 👋 Thanks for contacting {{shop}}. How can we help you today?',
  ),
  starter(
    '12',
    1,
    'payment',
    'Your order total is {{order_total}}.\nPlease transfer to {{bank_account}}.\n' +
      'Once paid, just send the payment receipt here. Thank you! 🙏',
  ),
  starter(
    '13',
    2,
    'shipping',
    'Shipping to your address costs {{shipping_cost}} (estimated arrival: {{delivery_estimate}}). ' +
      'Shall we go ahead with your order?',
  ),
  starter(
    '14',
    3,
    'thanks',
    'Thank you for shopping at {{shop}}, {{first_name}} 🙏 We hope to see you again soon!',
  ),
  starter(
    '15',
    4,
    'away',
    'Hi, thanks for your message to {{shop}}. We are closed right now and will reply as soon as ' +
      'we are back 🙏',
  ),
]

export const starterSets: Readonly<Record<Language, readonly QuickReply[]>> = {
  id: indonesian,
  en: english,
}

/** A fresh copy of the starter set in the shop's language, ready to store. */
export function starterQuickReplies(language: Language): QuickReply[] {
  return starterSets[language].map((quickReply) => ({ ...quickReply }))
}
