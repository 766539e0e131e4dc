/**
 * This device's preferences (language, theme) as core keeps them. Changes show at once and roll
 * back if core refuses them; `preferences.changed` keeps every open window in step.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { BridgeError } from '../../src-shared/bridge/errors'
import {
  defaultPreferences,
  languageFromLocale,
  type Language,
  type Preferences,
} from '../../src-shared/preferences/preferences'
import { useBridge } from '../bridge/inject'
import type { LoadStatus } from './load-status'

export type PreferencesChange = Partial<Preferences>

export const usePreferencesStore = defineStore('preferences', () => {
  const bridge = useBridge()

  /** What core last confirmed. */
  const confirmed = ref<Preferences>({ ...defaultPreferences })
  /** Changes sent to core and not yet answered; shown on top of `confirmed`. */
  const pending = ref<PreferencesChange>({})
  const status = ref<LoadStatus>('idle')
  const loadError = ref<BridgeError | null>(null)
  const saveError = ref<BridgeError | null>(null)

  const preferences = computed<Preferences>(() => ({ ...confirmed.value, ...pending.value }))
  const systemLanguage = computed<Language>(() => languageFromLocale(navigator.language))
  /** The language to show: the owner's choice, else the computer's. */
  const language = computed<Language>(() => preferences.value.language ?? systemLanguage.value)
  const theme = computed(() => preferences.value.theme)

  let unsubscribe: (() => void) | null = null

  async function hydrate(): Promise<void> {
    unsubscribe ??= bridge.on('preferences.changed', (next) => {
      confirmed.value = next
    })
    status.value = 'loading'
    const result = await bridge.call('preferences.get', {})
    if (result.ok) {
      confirmed.value = result.value
      loadError.value = null
      status.value = 'done'
    } else {
      loadError.value = result.error
      status.value = 'error'
    }
  }

  /** Resolves true when core saved the change; on refusal the change is undone. */
  async function update(change: PreferencesChange): Promise<boolean> {
    pending.value = { ...pending.value, ...change }
    saveError.value = null
    const result = await bridge.call('preferences.update', change)
    // Drop only what this call set: a newer change to the same field is still on its way.
    const stillPending = { ...pending.value }
    for (const key of Object.keys(change) as (keyof Preferences)[]) {
      if (stillPending[key] === change[key]) delete stillPending[key]
    }
    pending.value = stillPending
    if (result.ok) {
      confirmed.value = result.value
      return true
    }
    saveError.value = result.error
    return false
  }

  function dehydrate(): void {
    unsubscribe?.()
    unsubscribe = null
    confirmed.value = { ...defaultPreferences }
    pending.value = {}
    status.value = 'idle'
    loadError.value = null
    saveError.value = null
  }

  return {
    preferences,
    language,
    systemLanguage,
    theme,
    status,
    loadError,
    saveError,
    hydrate,
    update,
    dehydrate,
  }
})
