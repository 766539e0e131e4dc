/**
 * The bench's stand-in for core's worker: ingests a generated shop in one long transaction on
 * its own thread while the bench's main thread (where a shell's event loop would be) measures
 * its own delay.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { sealingBodies } from '../../src-main/core/inbox/messages'
import { setLogSink } from '../../src-main/core/logger'
import { Vault } from '../../src-main/core/vault/vault'
import { generateShop, type ShopSize } from '../seed/generate-shop'
import { storeGeneratedShopAtOnce } from '../seed/store-generated'

async function main(): Promise<void> {
  setLogSink(null)
  const { dataDir, size } = workerData as { dataDir: string; size: ShopSize }
  const vault = await Vault.open({
    dataDir,
    kdf: { algorithm: 'argon2id13', opsLimit: 1, memLimitBytes: 8 << 20 },
  })
  vault.create('Toko Bench', 'kedai bench passphrase')
  const shop = vault.shop()
  const data = [...generateShop(size)]
  parentPort!.postMessage('started')
  storeGeneratedShopAtOnce(shop, data, sealingBodies(shop))
  await vault.close()
  parentPort!.postMessage('done')
}

void main()
