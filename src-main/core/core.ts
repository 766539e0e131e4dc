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
import { loadSodium } from './vault/sodium'
import { PlatformLink } from './link/platform-link'
import { conversationItems, messageItems } from './inbox/inbox-view'
import { sendTextReply } from './inbox/send-reply'
import { markConversationRead, setArchived, setPinned } from './inbox/conversation-state'
import { RelayRefused, RelayUnreachable } from './link/relay-client'
import { BridgeFailure } from '../../src-shared/bridge/errors'
import { appName, appVersion } from './version'
import { createLogger } from './logger'
import type { FeatureContext } from './handlers/feature-context'
import { createReplyHandlers } from './handlers/replies-handlers'
import { refreshTemplatesOnStart } from './templates/template-sync'
import { announceCosts, createCostHandlers } from './handlers/costs-handlers'
import { createSyncHandlers } from './handlers/sync-handlers'
import { interactivePairingKdf, type PairingKdf } from './sync/pairing'
import { SyncLog } from './sync/sync-log'
import { createTemplateSendingHandlers } from './handlers/template-sending-handlers'
import { createCustomerHandlers } from './handlers/customers-handlers'
import { ensureDefaultLabels } from './inbox/labels'
import { recordUnsyncedRows } from './sync/baseline-rows'
import { unreadTotal } from './inbox/unread-total'
import { languageFromLocale } from '../../src-shared/preferences/preferences'
import { createSearchHandlers } from './handlers/search-handlers'
import { ShopSearch } from './search/shop-search'

const log = createLogger('core')

export interface CoreOptions {
  dataDir: string
  shell: Shell
  /** The Electron build of better-sqlite3; Node's own build when absent. */
  nativeBinding?: string
  keychain?: Keychain
  /** Only tests lower the key derivation's cost. */
  kdf?: KdfParams
  /** Demo mode: a relay and platform emulator on loopback, joined by itself with this code. */
  demo?: { relayUrl: string; inviteCode: string }
  /** How often the link asks the relay when its stream is quiet. */
  linkPollMs?: number
  /** This device's wall clock for sync stamps; tests set it wrong on purpose. */
  syncNow?: () => number
  /** Offer the relay a snapshot after this many new log batches. */
  syncSnapshotEvery?: number
  /** Only tests lower the pairing code's key derivation cost. */
  pairingKdf?: PairingKdf
  deviceName?: string
}

export interface Core {
  readonly handlers: CoreHandlers
  readonly events: CoreEvents
  close(): Promise<void>
  /** Stops at once, mid-request if need be, as if the app were killed (the sync simulation). */
  crash(): void
}

export async function createCore(options: CoreOptions): Promise<Core> {
  mkdirSync(options.dataDir, { recursive: true })
  const events = createCoreEvents()
  let preferences = readPreferences(options.dataDir)
  /** For the app badge and the tray: a number while unlocked, null (nothing to show) when locked. */
  const announceUnread = () =>
    events.emit('inbox.unreadTotal', { total: vault.unlocked ? unreadTotal(vault.shop()) : null })
  const vault = await Vault.open({
    dataDir: options.dataDir,
    nativeBinding: options.nativeBinding,
    keychain: options.keychain,
    kdf: options.kdf,
  })
  const sodium = await loadSodium()
  const syncLog = new SyncLog(sodium, {
    ...(options.syncNow ? { now: options.syncNow } : {}),
    ...(options.syncSnapshotEvery ? { snapshotEvery: options.syncSnapshotEvery } : {}),
  })
  const link = new PlatformLink(
    vault,
    sodium,
    {
      statusChanged: (status) => {
        events.emit('link.changed', status)
        // The start's pull failed (offline): the first time the relay answers again.
        if (status.state === 'online' && templatesPull === 'failed') pullTemplatesOnce()
      },
      templatesChanged: (templateIds) => events.emit('templates.changed', { templateIds }),
      // The platform's templates (and review outcomes while Kedai was closed) on each start.
      started: () => pullTemplatesOnce(),
      inboxChanged: (conversationIds) => {
        events.emit('inbox.changed', { conversationIds })
        announceUnread()
        // Statuses carry the platform's prices: the meter settles.
        announceCosts({ vault, events, now: () => Date.now() })
      },
      shopSynced: (conversationIds) => {
        // Another device's edits: marks, replies with their ledger entries, labels.
        events.emit('inbox.changed', { conversationIds })
        events.emit('labels.changed', {})
        announceUnread()
        announceCosts({ vault, events, now: () => Date.now() })
      },
      customersWrote: (messages) => events.emit('inbox.customerWrote', { messages }),
    },
    {
      pollMs: options.linkPollMs,
      opLog: syncLog,
      ...(options.deviceName ? { deviceName: options.deviceName } : {}),
    },
  )

  /** The platform's template list, once per start of the link, retried until it comes. */
  let templatesPull: 'failed' | 'pulling' | 'done' = 'failed'
  function pullTemplatesOnce(): void {
    const client = link.relay()
    if (!client || templatesPull === 'pulling') return
    templatesPull = 'pulling'
    void refreshTemplatesOnStart(client, vault, events).then((pulled) => {
      templatesPull = pulled ? 'done' : 'failed'
    })
  }

  /** After every unlock: demo mode joins its own relay the first time, then the link starts. */
  async function linkUp(): Promise<void> {
    if (!vault.unlocked) return
    const demo = options.demo
    if (demo) {
      const joined = link.credentials()
      if (!joined) {
        try {
          await link.enrol(demo.relayUrl, demo.inviteCode, { demo: true })
        } catch (cause) {
          log.error('demo mode could not join its relay', cause)
        }
      } else if (joined.demo) {
        // The demo relay came back on another port with the same data.
        link.moveRelay(demo.relayUrl)
      }
    }
    link.start()
  }

  vault.onChange((status) => {
    events.emit('vault.changed', status)
    if (status.state === 'unlocked') {
      // A new shop (or one made before labels) gets WhatsApp Business's defaults, once.
      const language =
        preferences.language ?? languageFromLocale(Intl.DateTimeFormat().resolvedOptions().locale)
      try {
        recordUnsyncedRows(vault.shop(), syncLog)
        ensureDefaultLabels(vault.shop(), syncLog, language)
      } catch (cause) {
        log.error('the labels, notes and names could not be put in the sync log', cause)
      }
      void linkUp()
    } else link.stop()
    announceUnread()
  })
  await vault.unlockRemembered()
  const autoLock = startAutoLock({
    idleMs: () => preferences.autoLockMinutes * 60_000,
    isUnlocked: () => vault.unlocked,
    lock: () => vault.lock(),
  })

  const context: FeatureContext = { vault, link, events, sync: syncLog, now: () => Date.now() }
  const search = new ShopSearch(vault, events)
  const handlers: CoreHandlers = {
    ...createReplyHandlers(context),
    ...createCostHandlers(context),
    ...createTemplateSendingHandlers(context),
    ...createSyncHandlers(context, {
      syncLog,
      sodium,
      pairingKdf: options.pairingKdf ?? interactivePairingKdf(sodium),
      ...(options.deviceName ? { deviceName: options.deviceName } : {}),
      shopName: async () => (await vault.status()).shopName ?? '',
    }),
    ...createCustomerHandlers(context),
    ...createSearchHandlers(search),
    'app.info': () => ({
      name: appName,
      version: appVersion,
      shell: options.shell,
      demo: Boolean(options.demo),
    }),
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
    'link.status': () => link.status(),
    'link.enrol': async ({ relayUrl, code }) => {
      vault.shop()
      try {
        return await link.enrol(relayUrl, code)
      } catch (cause) {
        if (cause instanceof RelayRefused) {
          throw new BridgeFailure('INVALID_INPUT', `The relay refused the code: ${cause.message}`)
        }
        if (cause instanceof RelayUnreachable) {
          throw new BridgeFailure(
            'DISCONNECTED',
            `The relay could not be reached: ${cause.message}`,
          )
        }
        throw cause
      }
    },
    'inbox.conversations': ({ limit }) => conversationItems(vault.shop(), limit),
    'inbox.messages': ({ conversationId, limit }) =>
      messageItems(vault.shop(), conversationId, limit),
    'inbox.markRead': ({ conversationId }) => {
      const wamid = markConversationRead(vault.shop(), syncLog, conversationId)
      if (wamid) void link.markRead(wamid)
      announceUnread()
      link.syncSoon(0)
      return { unreadCount: 0 }
    },
    'inbox.setPinned': ({ conversationId, pinned }) => {
      setPinned(vault.shop(), syncLog, conversationId, pinned)
      // The edit goes to the shop's other devices now, not at the next poll.
      link.syncSoon(0)
      return { done: true }
    },
    'inbox.setArchived': ({ conversationId, archived }) => {
      setArchived(vault.shop(), syncLog, conversationId, archived)
      link.syncSoon(0)
      return { done: true }
    },
    'inbox.sendText': (request) => {
      const shop = vault.shop()
      // The reply and its fact for the shop's other devices are written together.
      const at = Date.now()
      const queued = shop.db.transaction(() => {
        const reply = sendTextReply(shop, request, at)
        syncLog.recordReply(shop, reply.clientId)
        return reply
      })()
      events.emit('inbox.changed', { conversationIds: [request.conversationId] })
      // The indicator's "will send when online" count moves at once, even offline.
      link.announce()
      announceCosts(context)
      link.syncSoon(0)
      return queued
    },
    'link.syncNow': async () => {
      vault.shop()
      link.start()
      await link.sync()
      return link.status()
    },
  }

  return {
    handlers,
    events,
    async close() {
      link.stop()
      await link.settled()
      autoLock.stop()
      search.close()
      await vault.close()
    },
    crash() {
      link.stop()
      autoLock.stop()
      vault.abandon()
    },
  }
}
