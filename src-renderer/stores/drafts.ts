/**
 * What the owner is writing to each customer: the text, the message it answers, the photo or
 * document a quick reply brought along, and the reason
 * a send was refused. Kept per conversation, so switching away and back loses nothing, and a
 * refusal that arrives after a switch gives the text back to the right customer. Shop data:
 * emptied whenever the vault is not unlocked.
 */
import { defineStore } from 'pinia'
import { reactive } from 'vue'
import type { MessageItem } from '../../src-shared/inbox/inbox-view'
import type { QuickReplyAttachment } from '../../src-shared/quick-replies'
import { useVaultStore } from './vault'

export interface Draft {
  text: string
  replyTo: MessageItem | null
  /** A quick reply's file going out with the text (the text is then its caption). */
  attachment: QuickReplyAttachment | null
  /** Why the last send was refused, in the owner's words; cleared by the next send. */
  problem: string | null
}

const emptyDraft: Readonly<Draft> = Object.freeze({
  text: '',
  replyTo: null,
  attachment: null,
  problem: null,
})

export const useDraftsStore = defineStore('drafts', () => {
  const vault = useVaultStore()
  const drafts = reactive(new Map<string, Draft>())

  function draftOf(conversationId: string): Readonly<Draft> {
    return drafts.get(conversationId) ?? emptyDraft
  }

  function change(conversationId: string, next: Partial<Draft>): void {
    const draft = { ...draftOf(conversationId), ...next }
    if (
      draft.text === '' &&
      draft.replyTo === null &&
      draft.attachment === null &&
      draft.problem === null
    ) {
      drafts.delete(conversationId)
    } else {
      drafts.set(conversationId, draft)
    }
  }

  function setText(conversationId: string, text: string): void {
    change(conversationId, { text })
  }

  function setReplyTo(conversationId: string, replyTo: MessageItem | null): void {
    change(conversationId, { replyTo })
  }

  function setAttachment(conversationId: string, attachment: QuickReplyAttachment | null): void {
    change(conversationId, { attachment })
  }

  function setProblem(conversationId: string, problem: string | null): void {
    change(conversationId, { problem })
  }

  /**
   * A refused send: its text comes back, before anything typed since, and its reply target and
   * file too (a file chosen since wins: it is the owner's latest choice).
   */
  function giveBack(
    conversationId: string,
    text: string,
    replyTo: MessageItem | null,
    problem: string,
    attachment: QuickReplyAttachment | null = null,
  ): void {
    const current = draftOf(conversationId)
    change(conversationId, {
      text: current.text === '' ? text : `${text}\n${current.text}`,
      replyTo: current.replyTo ?? replyTo,
      attachment: current.attachment ?? attachment,
      problem,
    })
  }

  function forget(): void {
    drafts.clear()
  }

  vault.registerShopData({ forget })

  return {
    drafts,
    draftOf,
    setText,
    setReplyTo,
    setAttachment,
    setProblem,
    giveBack,
    forget,
  }
})
