/** The inbox's components mounted on an unlocked shop held by a fake core. */
import { flushPromises, mount } from '@vue/test-utils'
import type { Component } from 'vue'
import type { Language } from '../../src-shared/preferences/preferences'
import { bridgeKey } from '../../src-renderer/bridge/inject'
import { createKedaiI18n } from '../../src-renderer/i18n/create-i18n'
import { useClockStore } from '../../src-renderer/stores/clock'
import { useVaultStore } from '../../src-renderer/stores/vault'
import type { FakeBridge } from './fake-bridge'
import { testNow } from './inbox-fixtures'
import { piniaWithBridge } from './mount-stores'

const mounted: { unmount(): void }[] = []

/** Unmounts what the last test mounted, so no component of it reacts in the next. */
export function closeInbox(): void {
  for (const wrapper of mounted.splice(0)) wrapper.unmount()
  document.body.innerHTML = ''
}

export async function openInbox(bridge: FakeBridge, language: Language = 'en') {
  const pinia = piniaWithBridge(bridge)
  await useVaultStore().hydrate()
  useClockStore().tick(testNow)
  await flushPromises()
  return {
    pinia,
    mount<P extends Record<string, unknown>>(component: Component, props?: P) {
      const wrapper = mount(component, {
        props,
        attachTo: document.body,
        global: {
          plugins: [pinia, createKedaiI18n(language)],
          provide: { [bridgeKey as symbol]: bridge },
        },
      })
      mounted.push(wrapper)
      return wrapper
    },
  }
}
