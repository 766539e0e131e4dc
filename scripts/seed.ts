/**
 * `npm run seed -- --conversations 5000 --messages 100000 --data-dir DIR [--passphrase P] [--seed N]`
 * makes a realistic shop in DIR for tests, benchmarks and trying Kedai on a large history.
 * Open it afterwards with `npm run web -- --data-dir DIR` and the passphrase.
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { sealingBodies } from '../src-main/core/inbox/messages'
import { Vault } from '../src-main/core/vault/vault'
import { generateShop } from './seed/generate-shop'
import { storeGeneratedShop } from './seed/store-generated'

export const demoPassphrase = 'kedai demo passphrase'

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      conversations: { type: 'string', default: '5000' },
      messages: { type: 'string', default: '100000' },
      'data-dir': { type: 'string' },
      passphrase: { type: 'string', default: demoPassphrase },
      seed: { type: 'string', default: '62' },
      'shop-name': { type: 'string', default: 'Toko Contoh (seeded)' },
    },
  })
  if (!values['data-dir']) throw new Error('Say where: --data-dir DIR')
  const conversations = Number(values.conversations)
  const messages = Number(values.messages)
  if (!(conversations > 0) || !(messages >= conversations)) {
    throw new Error('--messages must be at least --conversations, and both positive')
  }
  const dataDir = resolve(values['data-dir'])
  const vault = await Vault.open({ dataDir })
  const status = await vault.status()
  if (status.state === 'new') vault.create(values['shop-name'], values.passphrase)
  else vault.unlock(values.passphrase)
  const shop = vault.shop()
  const startedAt = performance.now()
  const generated = [...generateShop({ conversations, messages, seed: Number(values.seed) })]
  await storeGeneratedShop(shop, generated, sealingBodies(shop))
  const seconds = (performance.now() - startedAt) / 1000
  await vault.close()
  process.stdout.write(
    `${JSON.stringify({ dataDir, conversations, messages, seconds: Number(seconds.toFixed(2)) })}\n`,
  )
}

main().catch((cause: unknown) => {
  process.stderr.write(`${cause instanceof Error ? cause.message : String(cause)}\n`)
  process.exit(1)
})
