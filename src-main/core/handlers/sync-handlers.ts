/** Core's handlers for `src-shared/bridge/features/sync.ts`. */
import { hostname } from 'node:os'
import { BridgeFailure } from '../../../src-shared/bridge/errors'
import type { SyncStatus, syncMethods } from '../../../src-shared/bridge/features/sync'
import { RelayRefused, RelayUnreachable, type RelayClient } from '../link/relay-client'
import { joinWithCode, offerPairing, type PairingKdf } from '../sync/pairing'
import { adoptShopSecret, exportShopSecret } from '../sync/sync-keys'
import type { SyncLog } from '../sync/sync-log'
import type { Sodium } from '../vault/sodium'
import type { FeatureContext, HandlersFor } from './feature-context'

export interface SyncServices {
  syncLog: SyncLog
  sodium: Sodium
  pairingKdf: PairingKdf
  deviceName?: string
  /** The vault's shop name, for the secret a new device receives. */
  shopName(): Promise<string>
}

/** Relay answers in the owner's words. */
async function askRelay<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (cause) {
    if (cause instanceof RelayRefused) {
      if (cause.code === 'INVALID_CODE') {
        throw new BridgeFailure(
          'INVALID_INPUT',
          'This pairing code is wrong, expired or already used. Make a new one on the other device.',
        )
      }
      throw new BridgeFailure('INVALID_INPUT', `The relay refused: ${cause.message}`)
    }
    if (cause instanceof RelayUnreachable) {
      throw new BridgeFailure('DISCONNECTED', `The relay could not be reached: ${cause.message}`)
    }
    throw cause
  }
}

export function createSyncHandlers(
  context: FeatureContext,
  services: SyncServices,
): HandlersFor<typeof syncMethods> {
  const { vault, link } = context
  const { syncLog } = services

  function status(): SyncStatus {
    const shop = vault.shop()
    const log = syncLog.status(shop)
    return {
      link: link.status(),
      unpushed: log.unpushed,
      held: log.held,
      lastSyncedAt: log.lastSyncedAt,
      deviceId: link.credentials()?.deviceId ?? null,
    }
  }

  function relay(): RelayClient {
    vault.shop()
    const client = link.relay()
    if (!client) {
      throw new BridgeFailure('INVALID_INPUT', 'This device is not joined to a relay yet.')
    }
    return client
  }

  return {
    'sync.status': () => status(),
    'sync.now': async () => {
      vault.shop()
      link.start()
      await link.sync()
      return status()
    },
    'sync.pairingCode': async () => {
      const client = relay()
      const shopName = await services.shopName()
      const secret = exportShopSecret(vault.shop(), services.sodium, shopName)
      return askRelay(() => offerPairing(services.sodium, client, secret, services.pairingKdf))
    },
    'sync.join': async ({ relayUrl, code }) => {
      const shop = vault.shop()
      if (link.credentials()) {
        throw new BridgeFailure(
          'INVALID_INPUT',
          'This device already belongs to a shop on a relay. Joining another would mix two shops.',
        )
      }
      const joined = await askRelay(() =>
        joinWithCode(
          services.sodium,
          relayUrl,
          code,
          services.deviceName ?? hostname(),
          services.pairingKdf,
        ),
      )
      adoptShopSecret(shop, joined.secret)
      // The joining device was created under a provisional name; the shop has a real one.
      if (joined.secret.shopName.trim()) vault.renameShop(joined.secret.shopName)
      link.adoptCredentials(joined.credentials)
      await link.sync()
      return status()
    },
    'sync.devices': async () => {
      const client = relay()
      const self = client.credentials.deviceId
      const devices = await askRelay(() => client.devices())
      return devices.map((device) => ({ ...device, thisDevice: device.deviceId === self }))
    },
    'sync.removeDevice': async ({ deviceId }) => {
      const client = relay()
      await askRelay(() => client.removeDevice(deviceId))
      return { removed: true }
    },
  }
}
