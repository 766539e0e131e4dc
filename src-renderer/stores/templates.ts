/**
 * The shop's message templates for the manager: as core keeps them, read again whenever core
 * says one changed (a review outcome or a category move arriving through the relay). Shop data:
 * emptied whenever the vault is not unlocked.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { ResultOf } from '../../src-shared/bridge/contract'
import type { BridgeError } from '../../src-shared/bridge/errors'
import type { StoredTemplate, TemplateDraft } from '../../src-shared/templates'
import { useBridge } from '../bridge/inject'
import type { LoadStatus } from './load-status'
import { useVaultStore } from './vault'

type Answer<T> = { ok: true; value: T } | { ok: false; error: BridgeError }

export const useTemplatesStore = defineStore('templates', () => {
  const bridge = useBridge()
  const vault = useVaultStore()

  const items = shallowRef<StoredTemplate[]>([])
  const status = ref<LoadStatus>('idle')
  const loadError = ref<BridgeError | null>(null)
  let unsubscribe: (() => void) | null = null

  const byId = computed(() => new Map(items.value.map((item) => [item.id, item])))

  async function load(): Promise<void> {
    if (!vault.unlocked) return
    unsubscribe ??= bridge.on('templates.changed', () => void load())
    const session = vault.session
    if (items.value.length === 0) status.value = 'loading'
    const result = await bridge.call('templates.list', {})
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

  async function after<T>(result: Answer<T>): Promise<Answer<T>> {
    await load()
    return result
  }

  const save = async (
    draft: TemplateDraft,
    id?: string,
  ): Promise<Answer<ResultOf<'templates.save'>>> =>
    after(await bridge.call('templates.save', { draft, ...(id ? { id } : {}) }))
  const submit = async (id: string) => after(await bridge.call('templates.submit', { id }))
  const duplicate = async (id: string) => after(await bridge.call('templates.duplicate', { id }))
  const remove = async (id: string) => after(await bridge.call('templates.delete', { id }))

  async function refresh(): Promise<BridgeError | null> {
    const result = await bridge.call('templates.refresh', {})
    if (result.ok) items.value = result.value
    return result.ok ? null : result.error
  }

  function forget(): void {
    items.value = []
    status.value = 'idle'
    loadError.value = null
  }

  vault.registerShopData({ forget })

  return { items, byId, status, loadError, load, save, submit, duplicate, remove, refresh }
})
