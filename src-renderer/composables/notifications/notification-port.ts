/**
 * The page's notifications (the Notification API), behind a small port so the rules that decide
 * what to show are tested without a desktop. In the desktop app the same API works because the
 * shell allows exactly the `notifications` permission.
 */
export type NotificationPermissionState = 'granted' | 'denied' | 'default' | 'unsupported'

export interface ShownNotification {
  close(): void
}

export interface NotificationPort {
  permission(): NotificationPermissionState
  request(): Promise<NotificationPermissionState>
  show(options: {
    title: string
    body: string
    tag: string
    onClick: () => void
  }): ShownNotification
}

export function pageNotifications(): NotificationPort {
  const api = typeof Notification === 'undefined' ? null : Notification
  return {
    permission: () => (api ? api.permission : 'unsupported'),
    async request() {
      if (!api) return 'unsupported'
      return Notification.requestPermission()
    },
    show({ title, body, tag, onClick }) {
      if (!api) return { close: () => undefined }
      const shown = new api(title, { body, tag, silent: false })
      shown.onclick = () => {
        onClick()
        shown.close()
      }
      return shown
    },
  }
}
