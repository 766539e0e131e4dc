/**
 * The composer's template picker: the shop's approved templates, which of them may go to this
 * customer (a marketing template never to one who stopped promotions), the send form's values
 * pre-filled from what Kedai knows, the preview as the customer will read it, and the send.
 */
import { computed, ref, shallowRef, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { BridgeError } from '../../../src-shared/bridge/errors'
import type { ConversationItem } from '../../../src-shared/inbox/inbox-view'
import {
  prefillTemplateParameters,
  renderTemplate,
  templateParameterSlots,
  templateSendBlocks,
  type StoredTemplate,
  type TemplateSendBlock,
} from '../../../src-shared/templates'
import { useBridge } from '../../bridge/inject'
import { useVaultStore } from '../../stores/vault'

export interface PickerTemplate {
  template: StoredTemplate
  blocks: TemplateSendBlock[]
}

export function useTemplateSend(conversation: Ref<ConversationItem>, customerName: Ref<string>) {
  const bridge = useBridge()
  const vault = useVaultStore()
  const { locale } = useI18n()
  const templates = shallowRef<StoredTemplate[]>([])
  const status = ref<'loading' | 'done' | 'error'>('loading')
  const chosenId = ref<string | null>(null)
  const values = ref<Record<string, string>>({})
  const sending = ref(false)

  async function load(): Promise<void> {
    status.value = 'loading'
    const result = await bridge.call('templates.list', {})
    if (!result.ok) {
      status.value = 'error'
      return
    }
    templates.value = result.value.filter((template) => template.status.state === 'approved')
    status.value = 'done'
  }

  const choices = computed<PickerTemplate[]>(() =>
    templates.value.map((template) => ({
      template,
      blocks: templateSendBlocks(
        template,
        {
          optedOutOfMarketing: conversation.value.customer.optedOutAt !== null,
          country: conversation.value.customer.country,
        },
        Date.now(),
      ),
    })),
  )
  const chosen = computed(
    () => choices.value.find((choice) => choice.template.id === chosenId.value) ?? null,
  )
  const slots = computed(() => (chosen.value ? templateParameterSlots(chosen.value.template) : []))
  const preview = computed(() =>
    chosen.value ? renderTemplate(chosen.value.template, values.value) : null,
  )

  function choose(id: string | null): void {
    chosenId.value = id
    const choice = choices.value.find((item) => item.template.id === id)
    if (!choice) {
      values.value = {}
      return
    }
    const prefill = prefillTemplateParameters(choice.template, {
      customerName: customerName.value,
      shopName: vault.shopName,
      now: Date.now(),
      locale: locale.value === 'id' ? 'id-ID' : 'en',
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    })
    values.value = { ...prefill.values }
  }

  async function send(overrideBudget: boolean): Promise<BridgeError | null> {
    if (!chosen.value || sending.value) return null
    sending.value = true
    try {
      const result = await bridge.call('inbox.sendTemplate', {
        conversationId: conversation.value.id,
        templateId: chosen.value.template.id,
        values: values.value,
        ...(overrideBudget ? { overrideBudget: true } : {}),
      })
      return result.ok ? null : result.error
    } finally {
      sending.value = false
    }
  }

  watch(
    () => conversation.value.id,
    () => choose(null),
  )

  return { templates, status, choices, chosen, slots, values, preview, sending, load, choose, send }
}
