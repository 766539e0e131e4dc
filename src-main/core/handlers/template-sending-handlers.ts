/** Core's handlers for `src-shared/bridge/features/template-sending.ts`. */
import type { templateSendingMethods } from '../../../src-shared/bridge/features/template-sending'
import { sendTemplateMessage } from '../inbox/send-template'
import { announceCosts } from './costs-handlers'
import type { FeatureContext, HandlersFor } from './feature-context'

export function createTemplateSendingHandlers(
  context: FeatureContext,
): HandlersFor<typeof templateSendingMethods> {
  return {
    'inbox.sendTemplate': (request) => {
      const shop = context.vault.shop()
      // The reply, its ledger estimate and its fact for the shop's other devices, together.
      const queued = shop.db.transaction(() => {
        const reply = sendTemplateMessage(shop, request, context.now())
        context.sync.recordReply(shop, reply.clientId)
        return reply
      })()
      context.events.emit('inbox.changed', { conversationIds: [request.conversationId] })
      context.link.announce()
      announceCosts(context)
      context.link.syncSoon(0)
      return queued
    },
  }
}
