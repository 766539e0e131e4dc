/**
 * `npx tsx tests/e2e/support/add-hostile-conversation.ts --data-dir DIR --passphrase P`: adds to
 * a seeded shop one customer whose messages try to inject markup (an <img onerror>, a <script>),
 * write right to left, and send a 4,096-character word, plus one reply WhatsApp refused (131047).
 * It writes through the same core code the inbox uses, as scripts/seed.ts does; core is not changed.
 */
import { parseArgs } from 'node:util'
import { sealingBodies } from '../../../src-main/core/inbox/messages'
import { statement } from '../../../src-main/core/store/statements'
import { Vault } from '../../../src-main/core/vault/vault'
import type { MessageContent } from '../../../src-shared/whatsapp'
import { storeGeneratedShop } from '../../../scripts/seed/store-generated'
import { hostileCustomerName, hostileTexts } from './hostile-texts'

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, passphrase: { type: 'string' } },
  })
  if (!values['data-dir'] || !values.passphrase) throw new Error('--data-dir and --passphrase')
  const vault = await Vault.open({ dataDir: values['data-dir'] })
  vault.unlock(values.passphrase)
  const shop = vault.shop()
  // Three days ago: well down the list, with its service window long closed.
  const at = Date.now() - 3 * 24 * 3_600_000
  const inbound = (minute: number, body: MessageContent) => ({
    direction: 'inbound' as const,
    kind: body.type,
    body,
    status: 'received',
    sentAt: at + minute * 60_000,
    wamid: `wamid.hostile${minute}`,
  })
  await storeGeneratedShop(
    shop,
    [
      {
        customer: {
          waId: '6281111111111',
          profileName: hostileCustomerName,
          country: 'ID',
          language: 'id',
        },
        fromAd: false,
        messages: [
          inbound(0, { type: 'text', body: hostileTexts.img }),
          inbound(1, { type: 'text', body: hostileTexts.script }),
          inbound(2, {
            type: 'image',
            media: {
              id: 'media-hostile',
              mimeType: 'image/png',
              sha256: null,
              url: 'https://evil.example/x.png',
            },
            caption: hostileTexts.img,
          }),
          inbound(3, { type: 'text', body: hostileTexts.arabic }),
          inbound(4, { type: 'text', body: hostileTexts.longWord }),
          {
            direction: 'outbound',
            kind: 'text',
            body: { type: 'text', body: 'Maaf kak, baru sempat balas' },
            status: 'failed',
            sentAt: at + 30 * 3_600_000,
            wamid: 'wamid.hostile-refused',
            clientId: 'client-hostile-refused',
          },
        ],
      },
    ],
    sealingBodies(shop),
  )
  // The platform's refusal, as the relay reports it: outside the 24-hour window.
  statement(shop.db, 'UPDATE messages SET error_code = 131047 WHERE wamid = ?').run(
    'wamid.hostile-refused',
  )
  await vault.close()
}

main().catch((cause: unknown) => {
  process.stderr.write(`${cause instanceof Error ? cause.message : String(cause)}\n`)
  process.exit(1)
})
