/** The shared clock, running while the calling component is mounted. */
import { computed, onScopeDispose, type ComputedRef } from 'vue'
import { useClockStore } from '../../stores/clock'

export function useClock(): ComputedRef<number> {
  const clock = useClockStore()
  onScopeDispose(clock.hold())
  return computed(() => clock.now)
}
