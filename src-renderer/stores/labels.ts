/**
 * The shop's labels (names, colours, order) and the owner's edits to them and to which customer
 * wears which. Edits show at once; a refusal puts things back and is kept to be said beside the
 * form. Shop data: emptied whenever the vault is not unlocked, loaded again after an unlock.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ParamsOf } from '../../src-shared/bridge/contract'
import type { BridgeError } from '../../src-shared/bridge/errors'
import type { Label, LabelColor } from '../../src-shared/labels/labels'
import { useBridge } from '../bridge/inject'
import { useConversationsStore } from './conversations'
import type { LoadStatus } from './load-status'
import { useVaultStore } from './vault'

export const useLabelsStore = defineStore('labels', () => {
  const bridge = useBridge()
  const vault = useVaultStore()
  const conversations = useConversationsStore()

  const labels = ref<Label[]>([])
  const status = ref<LoadStatus>('idle')
  const loadError = ref<BridgeError | null>(null)
  const byId = computed(() => new Map(labels.value.map((label) => [label.id, label])))
  let unsubscribe: (() => void) | null = null

  async function load(): Promise<void> {
    unsubscribe ??= bridge.on('labels.changed', () => {
      if (vault.unlocked && status.value !== 'idle') void load()
    })
    const session = vault.session
    if (status.value !== 'done') status.value = 'loading'
    const result = await bridge.call('labels.list', {})
    if (vault.session !== session || !vault.unlocked) return
    if (result.ok) {
      labels.value = result.value
      loadError.value = null
      status.value = 'done'
    } else {
      loadError.value = result.error
      if (status.value !== 'done') status.value = 'error'
    }
  }

  function ensureLoaded(): void {
    if (status.value === 'idle' && vault.unlocked) void load()
  }

  /** Runs one edit; resolves to core's refusal, or null once it is done (the list is read again). */
  async function edit<
    M extends 'labels.create' | 'labels.rename' | 'labels.recolour' | 'labels.delete',
  >(method: M, params: ParamsOf<M>): Promise<BridgeError | null> {
    const result = await bridge.call(method, params)
    await load()
    return result.ok ? null : result.error
  }

  const create = (name: string, color: LabelColor) => edit('labels.create', { name, color })
  const rename = (labelId: string, name: string) => edit('labels.rename', { labelId, name })
  const recolour = (labelId: string, color: LabelColor) =>
    edit('labels.recolour', { labelId, color })
  const remove = (labelId: string) => edit('labels.delete', { labelId })

  /** Puts a label on a customer or takes it off; the conversation row shows it at once. */
  async function setOnCustomer(
    conversationId: string,
    customerId: string,
    labelId: string,
    on: boolean,
  ): Promise<BridgeError | null> {
    const conversation = conversations.byId.get(conversationId)
    if (conversation) {
      const others = conversation.customer.labelIds.filter((id) => id !== labelId)
      const labelIds = on
        ? labels.value
            .map((label) => label.id)
            .filter((id) => id === labelId || others.includes(id))
        : others
      conversations.patch(conversationId, { customer: { ...conversation.customer, labelIds } })
    }
    const result = await bridge.call(on ? 'labels.assign' : 'labels.unassign', {
      customerId,
      labelId,
    })
    if (!result.ok) {
      await conversations.reload()
      return result.error
    }
    return null
  }

  function forget(): void {
    labels.value = []
    status.value = 'idle'
    loadError.value = null
  }

  vault.registerShopData({ forget, hydrate: load })

  return {
    labels,
    status,
    loadError,
    byId,
    load,
    ensureLoaded,
    create,
    rename,
    recolour,
    remove,
    setOnCustomer,
    forget,
  }
})
