// @vitest-environment happy-dom
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { VaultStatus } from '../../src-shared/vault/vault-status'
import { useTamperReportsStore } from '../../src-renderer/stores/tamper-reports'
import { activityReportEveryMs, useVaultStore } from '../../src-renderer/stores/vault'
import { createFakeBridge, type FakeHandlers } from './fake-bridge'
import { piniaWithBridge } from './mount-stores'
import { vaultStatus } from './vault-statuses'

const rightPassphrase = 'kopi susu gula aren'

/** A small core: one shop, one passphrase, and the vault's transitions. */
function fakeCore(start: VaultStatus, more: FakeHandlers = {}) {
  let status = start
  const bridge = createFakeBridge({
    'vault.status': () => status,
    'vault.create': ({ shopName }) => (status = vaultStatus('unlocked', { shopName })),
    'vault.unlock': ({ passphrase }) =>
      passphrase === rightPassphrase
        ? (status = vaultStatus('unlocked'))
        : { code: 'WRONG_PASSPHRASE', message: 'That passphrase is not right.' },
    'vault.lock': () => (status = vaultStatus('locked')),
    'vault.activity': () => ({ done: true }),
    ...more,
  })
  piniaWithBridge(bridge)
  return {
    bridge,
    /** Core changes state by itself (auto-lock, another window) and says so. */
    becomes(next: VaultStatus) {
      status = next
      bridge.emit('vault.changed', next)
    },
  }
}

/** Stands in for the inbox stores to come: decrypted data, emptied on lock, loaded on unlock. */
const useConversationsStore = defineStore('test-conversations', () => {
  const vault = useVaultStore()
  const names = ref<string[]>([])
  const hydrations = ref(0)
  const forgettings = ref(0)
  function hydrate(): Promise<void> {
    hydrations.value += 1
    names.value = ['Bu Ani', 'Pak Budi']
    return Promise.resolve()
  }
  function forget(): void {
    forgettings.value += 1
    names.value = []
  }
  vault.registerShopData({ forget, hydrate })
  return { names, hydrations, forgettings, hydrate, forget }
})

afterEach(() => vi.useRealTimers())

describe('the vault store', () => {
  it('hydrates from vault.status and follows vault.changed', async () => {
    const core = fakeCore(vaultStatus('locked'))
    const vault = useVaultStore()
    expect(vault.loadStatus).toBe('idle')
    expect(vault.state).toBeNull()

    await vault.hydrate()
    expect(vault.loadStatus).toBe('done')
    expect(vault.state).toBe('locked')
    expect(vault.shopName).toBeNull()

    core.becomes(vaultStatus('unlocked', { shopName: 'Warung Bu Ani' }))
    expect(vault.state).toBe('unlocked')
    expect(vault.unlocked).toBe(true)
    expect(vault.shopName).toBe('Warung Bu Ani')
  })

  it('reports a vault.status that could not be read, and knows no state', async () => {
    fakeCore(vaultStatus('locked'), {
      'vault.status': () => ({ code: 'DISCONNECTED', message: 'Gone.' }),
    })
    const vault = useVaultStore()
    await vault.hydrate()

    expect(vault.loadStatus).toBe('error')
    expect(vault.loadError?.code).toBe('DISCONNECTED')
    expect(vault.screen).toBeNull()
  })

  it('goes from new to unlocked when the shop is created, with its name', async () => {
    const { bridge } = fakeCore(vaultStatus('new'))
    const vault = useVaultStore()
    await vault.hydrate()
    expect(vault.state).toBe('new')

    expect(await vault.create('Toko Sari', rightPassphrase)).toBeNull()

    expect(vault.state).toBe('unlocked')
    expect(vault.shopName).toBe('Toko Sari')
    expect(bridge.calls).toContainEqual({
      method: 'vault.create',
      params: { shopName: 'Toko Sari', passphrase: rightPassphrase },
    })
  })

  it('stays locked on a wrong passphrase and hands back the refusal', async () => {
    fakeCore(vaultStatus('locked'))
    const vault = useVaultStore()
    await vault.hydrate()

    const error = await vault.unlock('not the passphrase')

    expect(error?.code).toBe('WRONG_PASSPHRASE')
    expect(vault.state).toBe('locked')
    expect(await vault.unlock(rightPassphrase)).toBeNull()
    expect(vault.state).toBe('unlocked')
  })

  it('empties every store of shop data on lock, and loads them again on unlock', async () => {
    const core = fakeCore(vaultStatus('unlocked'))
    const vault = useVaultStore()
    await vault.hydrate()
    const conversations = useConversationsStore()
    await conversations.hydrate()
    expect(conversations.names).toEqual(['Bu Ani', 'Pak Budi'])
    expect(conversations.hydrations).toBe(1)

    await vault.lock()
    expect(conversations.forgettings).toBe(1)
    expect(conversations.names).toEqual([])
    expect(vault.shopName).toBeNull()

    await vault.unlock(rightPassphrase)
    expect(conversations.hydrations).toBe(2)
    expect(conversations.names).toEqual(['Bu Ani', 'Pak Budi'])

    // A lock core decided by itself (idle time) empties them just the same.
    core.becomes(vaultStatus('locked'))
    expect(conversations.names).toEqual([])
  })

  it('forgets on every state but unlocked, damaged included', async () => {
    const core = fakeCore(vaultStatus('unlocked'))
    const vault = useVaultStore()
    await vault.hydrate()
    const conversations = useConversationsStore()
    await conversations.hydrate()

    core.becomes(vaultStatus('damaged', { damage: 'The file is not a database.' }))

    expect(conversations.names).toEqual([])
    expect(vault.state).toBe('damaged')
  })

  it('counts sessions, so an answer from before a lock can be recognised as stale', async () => {
    const core = fakeCore(vaultStatus('unlocked'))
    const vault = useVaultStore()
    await vault.hydrate()
    const first = vault.session

    core.becomes(vaultStatus('locked'))
    core.becomes(vaultStatus('locked'))
    expect(vault.session).toBe(first + 1)
    core.becomes(vaultStatus('unlocked'))
    expect(vault.session).toBe(first + 1)
  })

  it('an unregistered store is no longer emptied', async () => {
    fakeCore(vaultStatus('unlocked'))
    const vault = useVaultStore()
    await vault.hydrate()
    const forget = vi.fn()
    const unregister = vault.registerShopData({ forget })

    unregister()
    await vault.lock()

    expect(forget).not.toHaveBeenCalled()
  })

  it('keeps the screen where it was while a backup replaces the shop, then follows core', async () => {
    const core = fakeCore(vaultStatus('unlocked'), {
      'vault.restoreBackup': () => vaultStatus('unlocked', { shopName: 'Toko Lama' }),
    })
    const vault = useVaultStore()
    await vault.hydrate()
    const conversations = useConversationsStore()
    await conversations.hydrate()

    const release = core.bridge.hold()
    const restoring = vault.restoreBackup('U1FMaXRl', rightPassphrase)
    // On the way core reports the old shop locked: its data is forgotten, the screen holds.
    core.becomes(vaultStatus('locked'))
    expect(conversations.names).toEqual([])
    expect(vault.state).toBe('locked')
    expect(vault.screen).toBe('unlocked')
    release()

    expect(await restoring).toBeNull()
    expect(vault.screen).toBe('unlocked')
    expect(vault.shopName).toBe('Toko Lama')
  })

  it('remembers which automatic backup went back in place, until the next unlock', async () => {
    const backup = { fileName: 'kedai-2025-05-01.db', createdAt: Date.UTC(2025, 4, 1) }
    fakeCore(vaultStatus('damaged', { damage: 'Not a database.', latestBackup: backup }), {
      'vault.restoreLatestBackup': () => vaultStatus('locked', { latestBackup: backup }),
    })
    const vault = useVaultStore()
    await vault.hydrate()

    expect(await vault.restoreLatestBackup()).toBeNull()
    expect(vault.screen).toBe('locked')
    expect(vault.restoredBackup).toEqual(backup)

    await vault.unlock(rightPassphrase)
    expect(vault.restoredBackup).toBeNull()
  })
})

describe("reporting the owner's activity", () => {
  it('tells core at most once every 30 seconds', async () => {
    vi.useFakeTimers({ now: Date.UTC(2025, 4, 1, 9) })
    const { bridge } = fakeCore(vaultStatus('unlocked'))
    const vault = useVaultStore()
    await vault.hydrate()
    const reports = () => bridge.calls.filter((call) => call.method === 'vault.activity').length

    vault.noteActivity()
    vault.noteActivity()
    expect(reports()).toBe(1)

    vi.advanceTimersByTime(activityReportEveryMs - 1)
    vault.noteActivity()
    expect(reports()).toBe(1)

    vi.advanceTimersByTime(1)
    vault.noteActivity()
    vault.noteActivity()
    expect(reports()).toBe(2)
  })

  it('says nothing while the vault is not unlocked, and starts afresh after an unlock', async () => {
    vi.useFakeTimers({ now: Date.UTC(2025, 4, 1, 9) })
    const { bridge } = fakeCore(vaultStatus('locked'))
    const vault = useVaultStore()
    await vault.hydrate()
    const reports = () => bridge.calls.filter((call) => call.method === 'vault.activity').length

    vault.noteActivity()
    expect(reports()).toBe(0)

    await vault.unlock(rightPassphrase)
    vault.noteActivity()
    expect(reports()).toBe(1)
    await vault.lock()
    await vault.unlock(rightPassphrase)
    vault.noteActivity()
    expect(reports()).toBe(2)
  })
})

describe('the tamper reports store', () => {
  const report = {
    table: 'messages',
    rowId: '01JTAMPERED',
    column: 'body',
    conversationId: '01JCONVERSATION',
    messageId: '01JTAMPERED',
  }

  it('loads the reports and forgets them on lock', async () => {
    const core = fakeCore(vaultStatus('unlocked'), { 'vault.tamperReports': () => [report] })
    const vault = useVaultStore()
    await vault.hydrate()
    const tamper = useTamperReportsStore()

    await tamper.load()
    expect(tamper.reports).toEqual([report])

    core.becomes(vaultStatus('locked'))
    expect(tamper.reports).toEqual([])
    expect(tamper.status).toBe('idle')
  })

  it('drops an answer that arrives after the vault locked', async () => {
    const core = fakeCore(vaultStatus('unlocked'), { 'vault.tamperReports': () => [report] })
    const vault = useVaultStore()
    await vault.hydrate()
    const tamper = useTamperReportsStore()

    const release = core.bridge.hold()
    const loading = tamper.load()
    core.becomes(vaultStatus('locked'))
    release()
    await loading

    expect(tamper.reports).toEqual([])
  })
})
