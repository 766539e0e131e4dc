/**
 * The shop's median first-response time for today (the owner's local day), read from core when
 * the inbox changes, at most once every few seconds while messages pour in.
 */
import { onScopeDispose, ref, watch } from 'vue'
import type { ResultOf } from '../../../src-shared/bridge/contract'
import { useBridge } from '../../bridge/inject'
import { useVaultStore } from '../../stores/vault'

const settleMs = 3_000

export function startOfLocalDay(at: number): number {
  return new Date(at).setHours(0, 0, 0, 0)
}

export function useResponseToday(now: () => number = Date.now) {
  const bridge = useBridge()
  const vault = useVaultStore()
  const today = ref<ResultOf<'inbox.responseTimes'> | null>(null)
  let timer: ReturnType<typeof setTimeout> | null = null

  async function load(): Promise<void> {
    if (!vault.unlocked) return
    const session = vault.session
    const from = startOfLocalDay(now())
    const to = new Date(from).setDate(new Date(from).getDate() + 1)
    const result = await bridge.call('inbox.responseTimes', { from, to })
    if (vault.session !== session || !vault.unlocked) return
    today.value = result.ok ? result.value : null
  }

  function soon(): void {
    timer ??= setTimeout(() => {
      timer = null
      void load()
    }, settleMs)
  }

  const stop = bridge.on('inbox.changed', soon)
  watch(
    () => vault.unlocked,
    (unlocked) => {
      today.value = null
      if (unlocked) void load()
    },
    { immediate: true },
  )
  onScopeDispose(() => {
    stop()
    if (timer) clearTimeout(timer)
  })

  return { today, load }
}
