/** A core on a real vault file with the known shop written in, unlocked: what handler tests start from. */
import { createCore, type Core } from '../../../src-main/core/core'
import { Vault } from '../../../src-main/core/vault/vault'
import { writeKnownShop } from '../../support/shop-fixture'
import { fastKdf, passphrase, tempDataDir } from '../../support/vault'

export async function coreWithKnownShop(): Promise<{
  core: Core
  dataDir: string
  shop: ReturnType<typeof writeKnownShop>
}> {
  const dataDir = tempDataDir()
  const vault = await Vault.open({ dataDir, kdf: fastKdf })
  vault.create('Toko', passphrase)
  const shop = writeKnownShop(vault.shop(), Date.now() - 60_000)
  await vault.close()
  const core = await createCore({ dataDir, shell: 'browser', kdf: fastKdf })
  await core.handlers['vault.unlock']({ passphrase })
  return { core, dataDir, shop }
}
