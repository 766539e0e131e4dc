/** One line saying what a message is: for the list's preview, a quoted reply, a reaction's target. */
import { useI18n } from 'vue-i18n'
import type { MessageItem } from '../../../src-shared/inbox/inbox-view'
import type { MessageContent } from '../../../src-shared/whatsapp'
import { isSentTemplate } from '../../../src-shared/inbox/sent-template'
import { contentOf } from './message-body'

export function useMessagePreview() {
  const { t } = useI18n()

  const withText = (label: string, text: string | null) =>
    text ? t('inbox.preview.labelled', { label, text }) : label

  function contentPreview(content: MessageContent): string {
    switch (content.type) {
      case 'text':
        return content.body
      case 'image':
        return withText(t('inbox.preview.photo'), content.caption)
      case 'video':
        return withText(t('inbox.preview.video'), content.caption)
      case 'audio':
        return content.voice ? t('inbox.preview.voice') : t('inbox.preview.audio')
      case 'document':
        return withText(t('inbox.preview.document'), content.filename ?? content.caption)
      case 'sticker':
        return t('inbox.preview.sticker')
      case 'location':
        return withText(t('inbox.preview.location'), content.name ?? content.address)
      case 'contacts':
        return withText(
          t('inbox.preview.contacts'),
          content.contacts.map((card) => card.formattedName).join(', ') || null,
        )
      case 'order':
        return t('inbox.preview.order', {
          count: content.items.reduce((sum, item) => sum + item.quantity, 0),
        })
      case 'buttonReply':
      case 'listReply':
        return content.title
      case 'templateButton':
        return content.text
      case 'reaction':
        return content.emoji
          ? t('inbox.preview.reaction', { emoji: content.emoji })
          : t('inbox.preview.reactionRemoved')
      case 'system':
        return content.body ?? t('inbox.preview.system')
      case 'unsupported':
        return t('inbox.preview.unsupported')
      default: {
        const unknown: never = content
        return String(unknown)
      }
    }
  }

  /** The message's line; the owner's own messages start with "You:". */
  function messagePreview(message: MessageItem): string {
    // A template the shop sent reads as what the customer saw.
    const line = isSentTemplate(message.body)
      ? message.body.text
      : contentPreview(contentOf(message))
    return message.direction === 'outbound' ? t('inbox.preview.fromShop', { text: line }) : line
  }

  return { contentPreview, messagePreview }
}
