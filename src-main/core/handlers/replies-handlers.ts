/** Core's handlers for `src-shared/bridge/features/replies.ts`. */
import type { replyMethods } from '../../../src-shared/bridge/features/replies'
import { listTemplates } from '../templates/template-store'
import type { FeatureContext, HandlersFor } from './feature-context'

export function createReplyHandlers(context: FeatureContext): HandlersFor<typeof replyMethods> {
  const { vault } = context
  return {
    'templates.list': () => listTemplates(vault.shop()),
  }
}
