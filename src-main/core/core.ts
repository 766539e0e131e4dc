/**
 * Kedai's core: every service behind the bridge, for one data directory. It runs in a worker
 * thread (see worker/), so its SQL and crypto never hold up a shell's event loop.
 */
import { mkdirSync } from 'node:fs'
import type { CoreHandlers, Shell } from '../../src-shared/bridge/contract'
import { createCoreEvents, type CoreEvents } from './events'
import { readPreferences, writePreferences } from './preferences/preferences-file'
import { startAutoLock } from './vault/auto-lock'
import type { Keychain } from './vault/keychain'
import type { KdfParams } from './vault/keyring'
import { Vault } from './vault/vault'
import { appName, appVersion } from './version'

export interface CoreOptions {
  dataDir: string
  shell: Shell
  /** The Electron build of better-sqlite3; Node's own build when absent. */
  nativeBinding?: string
  keychain?: Keychain
  /** Only tests lower the key derivation's cost. */
  kdf?: KdfParams
}

export interface Core {
  readonly handlers: CoreHandlers
  readonly events: CoreEvents
  close(): Promise<void>
}

export async function createCore(options: CoreOptions): Promise<Core> {
  mkdirSync(options.dataDir, { recursive: true })
  const events = createCoreEvents()
  let preferences = readPreferences(options.dataDir)
  const vault = await Vault.open({
    dataDir: options.dataDir,
    nativeBinding: options.nativeBinding,
    keychain: options.keychain,
    kdf: options.kdf,
  })
  vault.onChange((status) => events.emit('vault.changed', status))
  await vault.unlockRemembered()
  const autoLock = startAutoLock({
    idleMs: () => preferences.autoLockMinutes * 60_000,
    isUnlocked: () => vault.unlocked,
    lock: () => vault.lock(),
  })

  const handlers: CoreHandlers = {
    'app.info': () => ({ name: appName, version: appVersion, shell: options.shell }),
    'preferences.get': () => preferences,
    'preferences.update': (change) => {
      preferences = { ...preferences, ...change }
      writePreferences(options.dataDir, preferences)
      events.emit('preferences.changed', preferences)
      return preferences
    },
    'vault.status': () => vault.status(),
    'vault.create': ({ shopName, passphrase }) => {
      vault.create(shopName, passphrase)
      autoLock.touch()
      return vault.status()
    },
    'vault.unlock': ({ passphrase }) => {
      vault.unlock(passphrase)
      autoLock.touch()
      return vault.status()
    },
    'vault.lock': () => {
      vault.lock()
      return vault.status()
    },
    'vault.activity': () => {
      autoLock.touch()
      return { done: true }
    },
    'vault.changePassphrase': ({ current, next }) => {
      vault.changePassphrase(current, next)
      return { done: true }
    },
    'vault.setRemembered': ({ remember, passphrase }) => vault.setRemembered(remember, passphrase),
    'vault.exportBackup': async () => {
      vault.shop()
      const backup = await vault.exportBackup()
      return { fileName: backup.fileName, base64: backup.bytes.toString('base64') }
    },
    'vault.restoreBackup': async ({ base64, passphrase }) => {
      // A shop that opens is replaced only by its owner: unlocked first.
      if ((await vault.status()).state === 'locked') vault.shop()
      return vault.restore(Buffer.from(base64, 'base64'), passphrase)
    },
    'vault.restoreLatestBackup': () => {
      vault.restoreLatestBackup()
      return vault.status()
    },
    'vault.tamperReports': () => {
      vault.shop()
      return vault.tamperReports()
    },
  }

  return {
    handlers,
    events,
    async close() {
      autoLock.stop()
      await vault.close()
    },
  }
}
