/**
 * The open customer's private notes, newest first: read when the customer changes, edited
 * through core. Nothing is kept once the vault locks (the session check drops late answers).
 */
import { ref, watch, type Ref } from 'vue'
import type { BridgeError } from '../../../src-shared/bridge/errors'
import type { Note } from '../../../src-shared/inbox/customer-notes'
import { useBridge } from '../../bridge/inject'
import type { LoadStatus } from '../../stores/load-status'
import { useVaultStore } from '../../stores/vault'

export function useCustomerNotes(customerId: Ref<string>) {
  const bridge = useBridge()
  const vault = useVaultStore()
  const notes = ref<Note[]>([])
  const status = ref<LoadStatus>('idle')

  async function load(): Promise<void> {
    const session = vault.session
    const id = customerId.value
    status.value = 'loading'
    const result = await bridge.call('inbox.notes', { customerId: id })
    if (vault.session !== session || customerId.value !== id) return
    if (result.ok) {
      notes.value = result.value
      status.value = 'done'
    } else status.value = 'error'
  }

  watch(
    customerId,
    () => {
      notes.value = []
      void load()
    },
    { immediate: true },
  )
  watch(
    () => vault.unlocked,
    (unlocked) => {
      notes.value = []
      status.value = 'idle'
      if (unlocked) void load()
    },
  )

  async function settle(
    call: Promise<{ ok: true } | { ok: false; error: BridgeError }>,
  ): Promise<BridgeError | null> {
    const result = await call
    await load()
    return result.ok ? null : result.error
  }

  return {
    notes,
    status,
    load,
    add: (body: string) =>
      settle(bridge.call('inbox.addNote', { customerId: customerId.value, body })),
    edit: (noteId: string, body: string) => settle(bridge.call('inbox.editNote', { noteId, body })),
    remove: (noteId: string) => settle(bridge.call('inbox.deleteNote', { noteId })),
  }
}
