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
      const queued = sendTemplateMessage(context.vault.shop(), request, context.now())
      context.events.emit('inbox.changed', { conversationIds: [request.conversationId] })
      announceCosts(context)
      context.link.syncSoon(0)
      return queued
    },
  }
}
