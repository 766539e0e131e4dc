/**
 * The composer's rules: free text only inside the service window, at most the platform's length,
 * a reply to one message at a time. A quick reply may bring a photo or document along: the text
 * is then its caption (shorter, and allowed to be empty). Sending never waits: the box empties at
 * once and the reply shows as queued; a refusal puts the text back with the reason.
 */
import { computed, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ConversationItem, MessageItem } from '../../../src-shared/inbox/inbox-view'
import { textLimitFor, type QuickReplyAttachment } from '../../../src-shared/quick-replies'
import { freeEntryPointAt, serviceWindowAt, timeLeft } from '../../../src-shared/windows'
import { characterCount } from '../../../src-shared/whatsapp/send-limits'
import { useDraftsStore } from '../../stores/drafts'
import { useOpenConversationStore } from '../../stores/open-conversation'
import { useClock } from '../shell/useClock'
import { useFailureText } from '../shell/useFailureText'
import { summaryHistory } from './conversation-facts'

export function useComposer(conversation: Ref<ConversationItem>) {
  const { t } = useI18n()
  const drafts = useDraftsStore()
  const openConversation = useOpenConversationStore()
  const failureText = useFailureText()
  const now = useClock()

  const id = computed(() => conversation.value.id)
  const draft = computed(() => drafts.draftOf(id.value))
  const text = computed({
    get: () => draft.value.text,
    set: (next: string) => {
      drafts.setText(id.value, next)
      // The owner is changing the text: the reason it was refused has been read.
      if (draft.value.problem !== null) drafts.setProblem(id.value, null)
    },
  })
  const replyTo = computed(() => draft.value.replyTo)
  const problem = computed(() => draft.value.problem)
  const attachment = computed(() => draft.value.attachment)

  const length = computed(() => characterCount(text.value))
  /** A message's limit, or a caption's while a file is going along. */
  const limit = computed(() => textLimitFor({ attachment: attachment.value ?? undefined }))
  const tooLong = computed(() => length.value > limit.value)
  /** Nothing to send: no text, and no file to send without it. */
  const empty = computed(() => text.value.trim() === '' && attachment.value === null)

  // The summary's last customer message, and the loaded messages for what it cannot tell.
  const history = computed(() => [
    ...summaryHistory(conversation.value),
    ...(openConversation.conversationId === id.value ? openConversation.history : []),
  ])
  const serviceWindow = computed(() => serviceWindowAt(history.value, now.value))
  const freeEntry = computed(() => freeEntryPointAt(history.value, now.value))
  const closingSoon = computed(() => {
    const left = timeLeft(serviceWindow.value)
    return left.state === 'open' && left.closingSoon
  })
  const canSend = computed(() => serviceWindow.value.open && !empty.value && !tooLong.value)

  function replyToMessage(message: MessageItem | null): void {
    drafts.setReplyTo(id.value, message)
  }

  /** A quick reply's file to send with the text; null takes it off. */
  function attach(next: QuickReplyAttachment | null): void {
    drafts.setAttachment(id.value, next)
    if (draft.value.problem !== null) drafts.setProblem(id.value, null)
  }

  // The conversation whose last reply a used-up budget stopped: the owner may send it anyway.
  const budgetStoppedIn = ref<string | null>(null)
  const budgetStopped = computed(() => budgetStoppedIn.value === id.value && problem.value !== null)

  async function send(overrideBudget = false): Promise<boolean> {
    if (!canSend.value) return false
    const to = id.value
    const sending = text.value
    const answering = replyTo.value
    const file = attachment.value
    drafts.setText(to, '')
    drafts.setReplyTo(to, null)
    drafts.setAttachment(to, null)
    drafts.setProblem(to, null)
    budgetStoppedIn.value = null
    const refusal = await openConversation.sendText(
      to,
      sending,
      answering?.wamid ?? null,
      overrideBudget,
      file,
    )
    if (refusal === null) return true
    if (refusal.code === 'BUDGET_EXCEEDED') budgetStoppedIn.value = to
    drafts.giveBack(
      to,
      sending,
      answering,
      failureText(refusal, { WINDOW_CLOSED: t('inbox.composer.refusedWindowClosed') }),
      file,
    )
    return false
  }

  return {
    text,
    replyTo,
    problem,
    attachment,
    length,
    limit,
    tooLong,
    empty,
    serviceWindow,
    freeEntry,
    closingSoon,
    canSend,
    budgetStopped,
    replyToMessage,
    attach,
    send,
  }
}
