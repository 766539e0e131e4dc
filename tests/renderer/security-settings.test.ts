// @vitest-environment happy-dom
/** Settings > Security against a fake core: what browser-mode e2e cannot reach (a keychain). */
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import { defaultPreferences } from '../../src-shared/preferences/preferences'
import type { TamperReport, VaultStatus } from '../../src-shared/vault/vault-status'
import App from '../../src-renderer/App.vue'
import { bridgeKey } from '../../src-renderer/bridge/inject'
import { createKedaiI18n } from '../../src-renderer/i18n/create-i18n'
import { createFakeBridge } from './fake-bridge'
import { vaultStatus } from './vault-statuses'

const passphrase = 'kopi susu gula aren'
const keychain = { available: true, reason: null }

async function openSecurity(tamperReports: TamperReport[] = []) {
  let status: VaultStatus = vaultStatus('unlocked', { keychain })
  const bridge = createFakeBridge({
    'app.info': () => ({ name: 'Kedai', version: '0.1.0', shell: 'electron', demo: false }),
    'preferences.get': () => ({ ...defaultPreferences, language: 'en' }),
    'vault.status': () => status,
    'vault.tamperReports': () => tamperReports,
    'vault.setRemembered': (params) => {
      if (params.remember && params.passphrase !== passphrase)
        return { code: 'WRONG_PASSPHRASE', message: 'That passphrase is not right.' }
      status = { ...status, remembered: params.remember }
      return status
    },
  })
  const wrapper = mount(App, {
    attachTo: document.body,
    global: {
      plugins: [createPinia(), createKedaiI18n('en')],
      provide: { [bridgeKey as symbol]: bridge },
    },
  })
  await flushPromises()
  await button(wrapper, 'Settings').trigger('click')
  await flushPromises()
  return { wrapper, bridge }
}

function button(wrapper: VueWrapper, text: string) {
  const found = wrapper.findAll('button').find((candidate) => candidate.text() === text)
  if (!found) throw new Error(`No button "${text}"`)
  return found
}

function labelled(wrapper: VueWrapper, text: string) {
  const label = wrapper.findAll('label').find((candidate) => candidate.text() === text)
  if (!label) throw new Error(`No field labelled "${text}"`)
  return wrapper.get(`input[id="${label.attributes('for')}"]`)
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('Settings > Security', () => {
  it('turns "remember on this computer" on only with the passphrase, and off without', async () => {
    const { wrapper, bridge } = await openSecurity()
    const toggle = wrapper.get('[role="switch"]')
    expect(toggle.attributes('aria-checked')).toBe('false')
    expect(toggle.attributes('disabled')).toBeUndefined()

    await toggle.trigger('click')
    await flushPromises()
    const field = labelled(wrapper, 'Passphrase')
    expect(document.activeElement).toBe(field.element)

    await field.setValue('not it at all')
    await button(wrapper, 'Remember').trigger('click')
    await flushPromises()
    expect(wrapper.text()).toContain('That passphrase is not right. Nothing was changed.')
    expect(toggle.attributes('aria-checked')).toBe('false')

    await field.setValue(passphrase)
    await button(wrapper, 'Remember').trigger('click')
    await flushPromises()
    expect(toggle.attributes('aria-checked')).toBe('true')
    expect(() => labelled(wrapper, 'Passphrase')).toThrow()

    await toggle.trigger('click')
    await flushPromises()
    expect(bridge.calls.at(-1)).toEqual({
      method: 'vault.setRemembered',
      params: { remember: false, passphrase: '' },
    })
    expect(toggle.attributes('aria-checked')).toBe('false')
  })

  it('lists the messages that could not be opened', async () => {
    const { wrapper } = await openSecurity([
      {
        table: 'messages',
        column: 'body',
        rowId: '01JMESSAGE',
        conversationId: '01JCONVERSATION',
        messageId: '01JMESSAGE',
      },
    ])

    const text = wrapper.text()
    expect(text).toContain('Some messages could not be opened and are hidden:')
    expect(text).toContain('conversation 01JCONVERSATION, message 01JMESSAGE')
  })

  it('shows no tamper section when nothing is hidden', async () => {
    const { wrapper } = await openSecurity()
    expect(wrapper.text()).not.toContain('could not be opened')
  })
})
