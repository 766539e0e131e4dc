/** Core's handlers for `src-shared/bridge/features/replies.ts`. */
import type { replyMethods } from '../../../src-shared/bridge/features/replies'
import type { FeatureContext, HandlersFor } from './feature-context'

export function createReplyHandlers(
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  context: FeatureContext,
): HandlersFor<typeof replyMethods> {
  return {}
}
