/**
 * What core counts about the open conversation (messages, the latest response time, how long the
 * customer has waited), read again when it changes.
 */
import { ref, watch, type Ref } from 'vue'
import type { ResultOf } from '../../../src-shared/bridge/contract'
import { useBridge } from '../../bridge/inject'
import { useVaultStore } from '../../stores/vault'

export type ConversationFacts = ResultOf<'inbox.conversationFacts'>

export function useConversationFacts(conversationId: Ref<string>) {
  const bridge = useBridge()
  const vault = useVaultStore()
  const facts = ref<ConversationFacts | null>(null)

  async function load(): Promise<void> {
    const session = vault.session
    const id = conversationId.value
    const result = await bridge.call('inbox.conversationFacts', { conversationId: id })
    if (vault.session !== session || conversationId.value !== id || !vault.unlocked) return
    facts.value = result.ok ? result.value : null
  }

  watch(
    conversationId,
    () => {
      facts.value = null
      void load()
    },
    { immediate: true },
  )
  const stop = bridge.on('inbox.changed', ({ conversationIds }) => {
    if (vault.unlocked && conversationIds.includes(conversationId.value)) void load()
  })
  watch(
    () => vault.unlocked,
    (unlocked) => {
      facts.value = null
      if (unlocked) void load()
    },
  )

  return { facts, load, stop }
}
