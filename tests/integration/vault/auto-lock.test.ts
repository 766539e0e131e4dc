/** The vault locks itself after the idle time the owner chose, and only the owner's activity counts. */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createCore } from '../../../src-main/core/core'
import { fastKdf, passphrase, removeTempDataDirs, tempDataDir } from '../../support/vault'

afterEach(() => {
  vi.useRealTimers()
  removeTempDataDirs()
})

describe('auto-lock after idle', () => {
  it('locks after the chosen minutes without activity, and not before', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
    const core = await createCore({ dataDir: tempDataDir(), shell: 'browser', kdf: fastKdf })
    const locked: string[] = []
    core.events.subscribe((event) => {
      if (event.event === 'vault.changed') locked.push((event.payload as { state: string }).state)
    })
    await core.handlers['preferences.update']({ autoLockMinutes: 5 })
    await core.handlers['vault.create']({ shopName: 'Toko', passphrase })

    // Activity keeps it open: 4 minutes, a touch, 4 more minutes.
    vi.advanceTimersByTime(4 * 60_000)
    await core.handlers['vault.activity']({})
    vi.advanceTimersByTime(4 * 60_000)
    expect((await core.handlers['vault.status']({})).state).toBe('unlocked')

    // A minute past five idle minutes, it has locked itself and said so.
    vi.advanceTimersByTime(2 * 60_000)
    expect((await core.handlers['vault.status']({})).state).toBe('locked')
    expect(locked.at(-1)).toBe('locked')
    await core.close()
  })

  it('never locks by itself when set to 0', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
    const core = await createCore({ dataDir: tempDataDir(), shell: 'browser', kdf: fastKdf })
    await core.handlers['preferences.update']({ autoLockMinutes: 0 })
    await core.handlers['vault.create']({ shopName: 'Toko', passphrase })
    vi.advanceTimersByTime(24 * 60 * 60_000)
    expect((await core.handlers['vault.status']({})).state).toBe('unlocked')
    await core.close()
  })
})
