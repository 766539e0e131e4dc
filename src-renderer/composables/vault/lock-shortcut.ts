/** The lock shortcut: Ctrl+L everywhere, and Cmd+L too on a Mac, where Cmd is the habit. */

export function isMacintosh(userAgent = navigator.userAgent): boolean {
  return /Macintosh|Mac OS X/.test(userAgent)
}

export function isLockShortcut(event: KeyboardEvent, mac: boolean): boolean {
  if (event.altKey || event.shiftKey || event.key.toLowerCase() !== 'l') return false
  return mac ? event.ctrlKey !== event.metaKey : event.ctrlKey && !event.metaKey
}

/** How the shortcut is written for people, and for `aria-keyshortcuts`. */
export function lockShortcutNames(mac: boolean): { label: string; aria: string } {
  return mac ? { label: '⌘L', aria: 'Meta+L Control+L' } : { label: 'Ctrl+L', aria: 'Control+L' }
}
