/**
 * The shop's quick replies as core keeps them, for the composer's "/" list and the manager.
 * Loaded on first use (a new shop gets the starter set in the language the owner reads Kedai in).
 * Shop data: emptied whenever the vault is not unlocked.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { ParamsOf, ResultOf } from '../../src-shared/bridge/contract'
import type { BridgeError } from '../../src-shared/bridge/errors'
import type { QuickReply, QuickReplyDraft } from '../../src-shared/quick-replies'
import { useBridge } from '../bridge/inject'
import type { LoadStatus } from './load-status'
import { usePreferencesStore } from './preferences'
import { useVaultStore } from './vault'

export type SaveAnswer = ResultOf<'quickReplies.save'> | { ok: false; error: BridgeError }

export const useQuickRepliesStore = defineStore('quickReplies', () => {
  const bridge = useBridge()
  const vault = useVaultStore()
  const preferences = usePreferencesStore()

  const items = shallowRef<QuickReply[]>([])
  const status = ref<LoadStatus>('idle')
  const loadError = ref<BridgeError | null>(null)
  let loading: Promise<void> | null = null

  async function load(): Promise<void> {
    if (!vault.unlocked) return
    const session = vault.session
    status.value = items.value.length > 0 ? status.value : 'loading'
    const result = await bridge.call('quickReplies.list', {
      starterLanguage: preferences.language,
    })
    if (vault.session !== session || !vault.unlocked) return
    if (result.ok) {
      items.value = result.value
      status.value = 'done'
      loadError.value = null
    } else {
      loadError.value = result.error
      status.value = 'error'
    }
  }

  /** Loads once; later callers share the first load. */
  function ensureLoaded(): Promise<void> {
    if (status.value === 'done') return Promise.resolve()
    loading ??= load().finally(() => (loading = null))
    return loading
  }

  /** Runs a change in core, then reads the list again; resolves to the refusal, if any. */
  async function change<M extends Parameters<typeof bridge.call>[0]>(
    method: M,
    params: ParamsOf<M>,
  ): Promise<{ ok: true; value: ResultOf<M> } | { ok: false; error: BridgeError }> {
    const result = await bridge.call(method, params)
    await load()
    return result
  }

  async function save(draft: QuickReplyDraft, id?: string): Promise<SaveAnswer> {
    const result = await change('quickReplies.save', { draft, ...(id ? { id } : {}) })
    return result.ok ? result.value : result
  }

  const duplicate = (id: string) => change('quickReplies.duplicate', { id })
  const remove = (id: string) => change('quickReplies.delete', { id })
  const undoRemove = (id: string) => change('quickReplies.undoDelete', { id })
  const importFile = (text: string) => change('quickReplies.import', { text })
  const exportFile = () => bridge.call('quickReplies.export', {})

  /** The owner's new order shows at once; core's answer confirms or restores it. */
  async function reorder(ids: string[]): Promise<BridgeError | null> {
    const byId = new Map(items.value.map((item) => [item.id, item]))
    items.value = ids.flatMap((id, order) => {
      const item = byId.get(id)
      return item ? [{ ...item, order }] : []
    })
    const result = await change('quickReplies.reorder', { ids })
    return result.ok ? null : result.error
  }

  /** Counted in core; the list here follows without waiting. */
  function recordUse(id: string): void {
    items.value = items.value.map((item) =>
      item.id === id ? { ...item, usageCount: item.usageCount + 1 } : item,
    )
    void bridge.call('quickReplies.recordUse', { id })
  }

  function forget(): void {
    items.value = []
    status.value = 'idle'
    loadError.value = null
  }

  vault.registerShopData({ forget })

  return {
    items,
    status,
    loadError,
    load,
    ensureLoaded,
    save,
    duplicate,
    remove,
    undoRemove,
    reorder,
    importFile,
    exportFile,
    recordUse,
  }
})
