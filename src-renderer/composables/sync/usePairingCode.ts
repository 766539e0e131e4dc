/**
 * "Add a device": a one-time pairing code from core with its expiry, and a countdown that ticks
 * every second while the code shows (the shared clock ticks only twice a minute).
 */
import { computed, onScopeDispose, ref } from 'vue'
import type { BridgeError } from '../../../src-shared/bridge/errors'
import { useBridge } from '../../bridge/inject'

export function usePairingCode() {
  const bridge = useBridge()
  const code = ref<string | null>(null)
  const expiresAt = ref<number | null>(null)
  const busy = ref(false)
  const failure = ref<BridgeError | null>(null)
  const now = ref(Date.now())
  let timer: ReturnType<typeof setInterval> | undefined

  function stopTicking(): void {
    clearInterval(timer)
    timer = undefined
  }

  function tick(): void {
    now.value = Date.now()
    if (expiresAt.value !== null && now.value >= expiresAt.value) stopTicking()
  }

  const remainingMs = computed(() =>
    expiresAt.value === null ? 0 : Math.max(0, expiresAt.value - now.value),
  )
  const expired = computed(() => code.value !== null && remainingMs.value === 0)
  /** "9:58": minutes and seconds left. */
  const remainingText = computed(() => {
    const seconds = Math.ceil(remainingMs.value / 1000)
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
  })

  async function make(): Promise<void> {
    if (busy.value) return
    busy.value = true
    failure.value = null
    const result = await bridge.call('sync.pairingCode', {})
    busy.value = false
    if (!result.ok) {
      failure.value = result.error
      return
    }
    code.value = result.value.code
    expiresAt.value = result.value.expiresAt
    stopTicking()
    tick()
    timer = setInterval(tick, 1000)
  }

  onScopeDispose(stopTicking)

  return { code, expiresAt, busy, failure, remainingMs, remainingText, expired, make }
}
