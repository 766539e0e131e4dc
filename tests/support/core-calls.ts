/** Calls on a real core that many integration tests make the same way. */
import type { Core } from '../../src-main/core/core'
import { BridgeFailure } from '../../src-shared/bridge/errors'
import type { ConversationItem } from '../../src-shared/inbox/inbox-view'
import { eventually } from './eventually'

/** The refusal a call ends with; fails the test when the call goes through. */
export async function refusal(attempt: () => unknown): Promise<BridgeFailure> {
  try {
    await attempt()
  } catch (error) {
    if (error instanceof BridgeFailure) return error
    throw error
  }
  throw new Error('expected a refusal')
}

/** The conversation with this customer, once their first message has arrived. */
export async function conversationOf(core: Core, phone: string): Promise<ConversationItem> {
  return eventually(async () => {
    const found = (await core.handlers['inbox.conversations']({ limit: 100 })).find(
      (conversation) => conversation.customer.phone === phone,
    )
    if (!found) throw new Error(`no conversation with ${phone} yet`)
    return found
  })
}
