/**
 * The vault as core reports it (new, locked, unlocked, damaged) and the owner's actions on it.
 * Every store that holds decrypted shop data registers with it (`registerShopData`): whenever the
 * vault is anything but unlocked those stores are emptied, and when it opens again they load
 * afresh. Passphrases pass through here to core and are never kept.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ResultOf } from '../../src-shared/bridge/contract'
import type { Result } from '../../src-shared/bridge/envelope'
import type { BridgeError } from '../../src-shared/bridge/errors'
import type { BackupInfo, VaultState, VaultStatus } from '../../src-shared/vault/vault-status'
import { useBridge } from '../bridge/inject'
import type { LoadStatus } from './load-status'

/** What a store holding decrypted shop data gives the vault store. */
export interface ShopDataHolder {
  /** Drops everything decrypted the store holds; called whenever the vault is not unlocked. */
  forget(): void
  /** Loads again after an unlock; stores that load on demand leave it out. */
  hydrate?(): Promise<void>
}

/** Core only needs to know the owner is still there; once in this long is plenty. */
export const activityReportEveryMs = 30_000

export type BackupFile = ResultOf<'vault.exportBackup'>

export const useVaultStore = defineStore('vault', () => {
  const bridge = useBridge()

  const status = ref<VaultStatus | null>(null)
  const loadStatus = ref<LoadStatus>('idle')
  const loadError = ref<BridgeError | null>(null)
  /**
   * Counts the times the vault stopped being unlocked. A store that started loading in an
   * earlier session drops the answer instead of showing it after a lock.
   */
  const session = ref(0)
  /** The automatic backup just put back in place from the damaged screen, until the next unlock. */
  const restoredBackup = ref<BackupInfo | null>(null)
  /**
   * While core replaces the shop's file at the owner's request it reports `locked` on the way;
   * the screen the owner is on stays until the replacement is done, so it can say how it went.
   */
  const heldScreen = ref<VaultState | null>(null)

  const holders = new Set<ShopDataHolder>()
  let lastActivityReportAt = Number.NEGATIVE_INFINITY
  let unsubscribe: (() => void) | null = null

  const state = computed<VaultState | null>(() => status.value?.state ?? null)
  const unlocked = computed(() => state.value === 'unlocked')
  /** Which screen to show: the vault's state, or the one held during a replacement. */
  const screen = computed<VaultState | null>(() => heldScreen.value ?? state.value)
  /** Only known while unlocked: the name is sealed like everything else. */
  const shopName = computed(() => (unlocked.value ? (status.value?.shopName ?? null) : null))

  function apply(next: VaultStatus): void {
    const wasUnlocked = status.value?.state === 'unlocked'
    status.value = next
    if (next.state !== 'unlocked') {
      if (wasUnlocked) session.value += 1
      lastActivityReportAt = Number.NEGATIVE_INFINITY
      for (const holder of holders) holder.forget()
      return
    }
    restoredBackup.value = null
    if (!wasUnlocked) for (const holder of holders) if (holder.hydrate) void holder.hydrate()
  }

  /** Registers a store that holds decrypted shop data; returns the unregister. */
  function registerShopData(holder: ShopDataHolder): () => void {
    holders.add(holder)
    return () => holders.delete(holder)
  }

  async function hydrate(): Promise<void> {
    unsubscribe ??= bridge.on('vault.changed', apply)
    loadStatus.value = 'loading'
    const result = await bridge.call('vault.status', {})
    if (result.ok) {
      apply(result.value)
      loadError.value = null
      loadStatus.value = 'done'
    } else {
      loadError.value = result.error
      loadStatus.value = 'error'
    }
  }

  /** Applies a status core answered with; resolves to the refusal, or null when it went through. */
  function settle(result: Result<VaultStatus>): BridgeError | null {
    if (!result.ok) return result.error
    apply(result.value)
    return null
  }

  async function create(shopName: string, passphrase: string): Promise<BridgeError | null> {
    return settle(await bridge.call('vault.create', { shopName, passphrase }))
  }

  async function unlock(passphrase: string): Promise<BridgeError | null> {
    return settle(await bridge.call('vault.unlock', { passphrase }))
  }

  async function lock(): Promise<BridgeError | null> {
    return settle(await bridge.call('vault.lock', {}))
  }

  async function changePassphrase(current: string, next: string): Promise<BridgeError | null> {
    const result = await bridge.call('vault.changePassphrase', { current, next })
    return result.ok ? null : result.error
  }

  /** Turning it off needs no passphrase; turning it on proves the owner knows it. */
  async function setRemembered(remember: boolean, passphrase = ''): Promise<BridgeError | null> {
    return settle(await bridge.call('vault.setRemembered', { remember, passphrase }))
  }

  async function exportBackup(): Promise<Result<BackupFile>> {
    return bridge.call('vault.exportBackup', {})
  }

  async function whileReplacing<T>(work: () => Promise<T>): Promise<T> {
    heldScreen.value = screen.value
    try {
      return await work()
    } finally {
      heldScreen.value = null
    }
  }

  /**
   * Keeps the screen the owner is on until the returned release is called: joining a shop
   * creates the vault first, and the join form must stay until the relay has taken the code.
   */
  function holdScreen(): () => void {
    heldScreen.value = screen.value
    return () => {
      heldScreen.value = null
    }
  }

  /** Puts a backup file in place of the shop's data; core checks it first and keeps the old file. */
  async function restoreBackup(base64: string, passphrase: string): Promise<BridgeError | null> {
    return whileReplacing(async () =>
      settle(await bridge.call('vault.restoreBackup', { base64, passphrase })),
    )
  }

  /** For a damaged vault: the newest automatic backup goes back in place, still locked. */
  async function restoreLatestBackup(): Promise<BridgeError | null> {
    const backup = status.value?.latestBackup ?? null
    return whileReplacing(async () => {
      const failure = settle(await bridge.call('vault.restoreLatestBackup', {}))
      if (!failure) restoredBackup.value = backup
      return failure
    })
  }

  /** The owner pressed a key or the pointer: tells core at most once per interval, only while open. */
  function noteActivity(): void {
    if (!unlocked.value) return
    const now = Date.now()
    if (now - lastActivityReportAt < activityReportEveryMs) return
    lastActivityReportAt = now
    void bridge.call('vault.activity', {})
  }

  return {
    status,
    loadStatus,
    loadError,
    session,
    restoredBackup,
    state,
    unlocked,
    screen,
    shopName,
    registerShopData,
    holdScreen,
    hydrate,
    create,
    unlock,
    lock,
    changePassphrase,
    setRemembered,
    exportBackup,
    restoreBackup,
    restoreLatestBackup,
    noteActivity,
  }
})
