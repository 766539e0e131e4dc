/** Core's handlers for `src-shared/bridge/features/sync.ts`. */
import type { syncMethods } from '../../../src-shared/bridge/features/sync'
import type { FeatureContext, HandlersFor } from './feature-context'

export function createSyncHandlers(
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  context: FeatureContext,
): HandlersFor<typeof syncMethods> {
  return {}
}
