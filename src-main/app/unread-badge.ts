/**
 * The unread total outside the window: the app's badge (dock, taskbar, launcher) and the tray
 * icon's tooltip. The shell learns the total from core's `inbox.unreadTotal` event, which passes
 * through it on the way to the window anyway, and asks once at start. A locked vault shows no
 * number at all.
 */
import { app, nativeImage, Tray } from 'electron'
import type { EventEnvelope } from '../../src-shared/bridge/envelope'
import type { Language } from '../../src-shared/preferences/preferences'
import { languageFromLocale } from '../../src-shared/preferences/preferences'
import type { CoreConnection } from '../core/worker/core-connection'
import { createLogger } from '../core/logger'

const log = createLogger('unread-badge')

/** The tray's words, in the owner's language (the shell has no i18n of its own). */
export function trayTooltip(total: number | null, language: Language): string {
  if (language === 'id') {
    if (total === null) return 'Kedai (terkunci)'
    return total === 0 ? 'Kedai: tidak ada pesan baru' : `Kedai: ${total} pesan belum dibaca`
  }
  if (total === null) return 'Kedai (locked)'
  if (total === 0) return 'Kedai: no unread messages'
  return `Kedai: ${total} unread ${total === 1 ? 'message' : 'messages'}`
}

/** A 16 px round green mark drawn in code, so the tray needs no image file in the build. */
function trayIcon(): Electron.NativeImage {
  const size = 16
  const pixels = Buffer.alloc(size * size * 4)
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const inside = (x - 7.5) ** 2 + (y - 7.5) ** 2 <= 7.5 ** 2
      const at = (y * size + x) * 4
      // BGRA: Kedai's accent green, transparent outside the circle.
      pixels.set(inside ? [0x5a, 0x79, 0x17, 0xff] : [0, 0, 0, 0], at)
    }
  }
  return nativeImage.createFromBitmap(pixels, { width: size, height: size })
}

export interface UnreadBadge {
  stop(): void
}

/** `openWindow`: what a click on the tray icon does (brings Kedai's window to the front). */
export function showUnreadTotal(core: CoreConnection, openWindow?: () => void): UnreadBadge {
  let total: number | null = null
  let language: Language = languageFromLocale(app.getLocale())
  let tray: Tray | null = null
  try {
    tray = new Tray(trayIcon())
    if (openWindow) tray.on('click', openWindow)
  } catch (cause) {
    // Some Linux desktops have no tray; the badge still works where there is one.
    log.warn('no tray icon on this desktop', cause)
  }

  function show(): void {
    app.setBadgeCount(total ?? 0)
    tray?.setToolTip(trayTooltip(total, language))
  }

  function follow(event: EventEnvelope): void {
    if (event.event === 'inbox.unreadTotal') {
      const next = (event.payload as { total?: unknown }).total
      total = typeof next === 'number' && Number.isInteger(next) && next >= 0 ? next : null
      show()
    } else if (event.event === 'preferences.changed') {
      const chosen = (event.payload as { language?: unknown }).language
      if (chosen === 'id' || chosen === 'en') language = chosen
      show()
    }
  }

  const unsubscribe = core.subscribe(follow)
  show()
  void Promise.all([
    core.handle({ id: 'unread-badge-total', method: 'inbox.unreadTotal', params: {} }),
    core.handle({ id: 'unread-badge-language', method: 'preferences.get', params: {} }),
  ])
    .then(([unread, preferences]) => {
      if (preferences.ok) follow({ event: 'preferences.changed', payload: preferences.value })
      if (unread.ok) follow({ event: 'inbox.unreadTotal', payload: unread.value })
    })
    .catch((cause: unknown) => log.warn('could not read the unread total', cause))

  return {
    stop() {
      unsubscribe()
      app.setBadgeCount(0)
      tray?.destroy()
      tray = null
    },
  }
}
