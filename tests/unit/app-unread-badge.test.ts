/** The unread total on the app badge and the tray tooltip, checked against a mocked `electron`. */
import { describe, expect, it, vi } from 'vitest'
import type { EventEnvelope, ResponseEnvelope } from '../../src-shared/bridge/envelope'
import type { CoreConnection } from '../../src-main/core/worker/core-connection'

const electron = vi.hoisted(() => {
  const state = {
    badges: [] as number[],
    tooltips: [] as string[],
    destroyed: 0,
    icons: 0,
    clicks: [] as (() => void)[],
  }
  class Tray {
    constructor(image: unknown) {
      if (image) state.icons += 1
    }
    on(event: string, listener: () => void) {
      if (event === 'click') state.clicks.push(listener)
    }
    setToolTip(text: string) {
      state.tooltips.push(text)
    }
    destroy() {
      state.destroyed += 1
    }
  }
  return {
    state,
    module: {
      app: {
        getLocale: () => 'en-US',
        setBadgeCount: (count: number) => (state.badges.push(count), true),
      },
      nativeImage: { createFromBitmap: () => ({ isEmpty: () => false }) },
      Tray,
    },
  }
})
vi.mock('electron', () => electron.module)

const { showUnreadTotal, trayTooltip } = await import('../../src-main/app/unread-badge')

function fakeCore(answers: Record<string, unknown>) {
  const listeners = new Set<(event: EventEnvelope) => void>()
  const core: CoreConnection = {
    handle: (envelope) => {
      const { id, method } = envelope as { id: string; method: string }
      return Promise.resolve({ id, ok: true, value: answers[method] } as ResponseEnvelope)
    },
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    drain: () => Promise.resolve(),
    close: () => Promise.resolve(),
  }
  return { core, emit: (event: EventEnvelope) => listeners.forEach((listener) => listener(event)) }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('the unread badge', () => {
  it('shows core’s total on the badge and the tray, and nothing while locked', async () => {
    const { core, emit } = fakeCore({
      'inbox.unreadTotal': { total: 4 },
      'preferences.get': { language: 'en', theme: 'system', autoLockMinutes: 15 },
    })
    const opened: string[] = []
    const badge = showUnreadTotal(core, () => opened.push('window'))
    await settle()
    // A click on the tray icon brings the window to the front.
    expect(electron.state.clicks).toHaveLength(1)
    electron.state.clicks[0]!()
    expect(opened).toEqual(['window'])
    expect(electron.state.icons).toBe(1)
    expect(electron.state.badges.at(-1)).toBe(4)
    expect(electron.state.tooltips.at(-1)).toBe('Kedai: 4 unread messages')

    emit({ event: 'inbox.unreadTotal', payload: { total: 1 } })
    expect(electron.state.badges.at(-1)).toBe(1)
    expect(electron.state.tooltips.at(-1)).toBe('Kedai: 1 unread message')

    emit({ event: 'preferences.changed', payload: { language: 'id' } })
    expect(electron.state.tooltips.at(-1)).toBe('Kedai: 1 pesan belum dibaca')

    emit({ event: 'inbox.unreadTotal', payload: { total: null } })
    expect(electron.state.badges.at(-1)).toBe(0)
    expect(electron.state.tooltips.at(-1)).toBe('Kedai (terkunci)')

    // Something that is not a count shows as nothing rather than as a wrong number.
    emit({ event: 'inbox.unreadTotal', payload: { total: -3 } })
    expect(electron.state.badges.at(-1)).toBe(0)

    badge.stop()
    expect(electron.state.destroyed).toBe(1)
    emit({ event: 'inbox.unreadTotal', payload: { total: 9 } })
    expect(electron.state.badges.at(-1)).toBe(0)
  })

  it('words the tooltip in both languages', () => {
    expect(trayTooltip(0, 'en')).toBe('Kedai: no unread messages')
    expect(trayTooltip(null, 'en')).toBe('Kedai (locked)')
    expect(trayTooltip(0, 'id')).toBe('Kedai: tidak ada pesan baru')
  })
})
