/** Core's handlers for `src-shared/bridge/features/costs.ts`. */
import type { costMethods } from '../../../src-shared/bridge/features/costs'
import type { FeatureContext, HandlersFor } from './feature-context'

export function createCostHandlers(
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  context: FeatureContext,
): HandlersFor<typeof costMethods> {
  return {}
}
