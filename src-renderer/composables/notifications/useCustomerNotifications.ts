/**
 * Notifications for new customer messages. Core's event names the messages by id only; the
 * words are asked of core one by one, which answers only while the vault is unlocked, so a
 * locked Kedai has no text it could show. Quiet under do-not-disturb, for the conversation the
 * owner is looking at, and for old messages arriving in a catch-up after time offline.
 * Notifications still on screen are closed when the vault locks.
 */
import { onScopeDispose, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import type { PayloadOf } from '../../../src-shared/bridge/contract'
import { useBridge } from '../../bridge/inject'
import { useNavigationStore } from '../../stores/navigation'
import { useOpenConversationStore } from '../../stores/open-conversation'
import { usePreferencesStore } from '../../stores/preferences'
import { useVaultStore } from '../../stores/vault'
import { useMessagePreview } from '../inbox/useMessagePreview'
import {
  type NotificationPort,
  type ShownNotification,
  pageNotifications,
} from './notification-port'

/** More at once than this become one notification that says how many. */
export const notificationsAtOnce = 3
/** Older than this when it reaches us: a catch-up, not news. */
export const freshForMs = 10 * 60_000

export function useCustomerNotifications(
  port: NotificationPort = pageNotifications(),
  now: () => number = Date.now,
) {
  const { t } = useI18n()
  const bridge = useBridge()
  const vault = useVaultStore()
  const preferences = usePreferencesStore()
  const navigation = useNavigationStore()
  const openConversation = useOpenConversationStore()
  const { messagePreview } = useMessagePreview()
  const shown = new Set<ShownNotification>()

  function open(conversationId: string): void {
    window.focus()
    navigation.open('inbox')
    void openConversation.open(conversationId)
  }

  function show(title: string, body: string, tag: string, conversationId: string | null): void {
    const notification = port.show({
      title,
      body,
      tag,
      onClick: () => {
        shown.delete(notification)
        if (conversationId !== null) open(conversationId)
        else window.focus()
      },
    })
    shown.add(notification)
  }

  function lookingAt(conversationId: string): boolean {
    return (
      document.visibilityState === 'visible' &&
      document.hasFocus() &&
      navigation.screen === 'inbox' &&
      openConversation.conversationId === conversationId
    )
  }

  async function announce({ messages }: PayloadOf<'inbox.customerWrote'>): Promise<void> {
    if (!vault.unlocked || preferences.preferences.doNotDisturb) return
    if (port.permission() !== 'granted') return
    const news = messages.filter(
      (message) => now() - message.sentAt < freshForMs && !lookingAt(message.conversationId),
    )
    if (news.length === 0) return
    if (news.length > notificationsAtOnce) {
      show(
        t('customers.notifications.several', { count: news.length }),
        t('customers.notifications.severalBody'),
        'kedai-several',
        null,
      )
      return
    }
    const session = vault.session
    for (const message of news) {
      const result = await bridge.call('inbox.notificationContent', {
        messageId: message.messageId,
      })
      // Locked on the way, or the message did not open: nothing is shown rather than too much.
      if (!result.ok || vault.session !== session || !vault.unlocked) continue
      if (preferences.preferences.doNotDisturb) return
      const { customerName, message: item, conversationId } = result.value
      show(
        t('customers.notifications.newMessage', {
          name: customerName ?? t('customers.notifications.someone'),
        }),
        messagePreview(item),
        conversationId,
        conversationId,
      )
    }
  }

  const stop = bridge.on('inbox.customerWrote', (payload) => void announce(payload))
  watch(
    () => vault.unlocked,
    (unlocked) => {
      if (unlocked) return
      for (const notification of shown) notification.close()
      shown.clear()
    },
  )
  onScopeDispose(stop)

  return { announce }
}
