/**
 * "Join an existing shop" on a new install: the relay address and one-time pairing code shown on
 * a device already in the shop, and a new passphrase for this computer's vault. The vault is
 * created first (the shop's keys must land somewhere sealed), then the code is spent; the screen
 * is held meanwhile, so a wrong or expired code is said here and can be typed again. The pairing
 * QR's text (a pairing link), pasted into either box, fills in both.
 */
import { computed, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { readPairingLink } from '../../../src-shared/sync/pairing-link'
import { minimumPassphraseLength, passphraseStrength } from '../../../src-shared/vault/passphrase'
import { useBridge } from '../../bridge/inject'
import { useVaultStore } from '../../stores/vault'
import { useFailureText } from '../shell/useFailureText'
import { relayAddress } from '../../../src-shared/relay/relay-address'

export type JoinShopField = 'relayUrl' | 'code' | 'passphrase' | 'confirmation'

/**
 * `vaultExists`: joining from Settings on a shop that is unlocked and not on a relay yet (a join
 * left half-way, or a computer that worked alone so far): only the relay address and code.
 */
export function useJoinShop(options: { vaultExists?: boolean } = {}) {
  const { t } = useI18n()
  const bridge = useBridge()
  const vault = useVaultStore()
  const failureText = useFailureText()

  const relayUrl = ref('')
  const code = ref('')
  const passphrase = ref('')
  const confirmation = ref('')
  const tried = ref(false)
  const busy = ref(false)
  const failure = ref<string | null>(null)
  /** Once the vault exists, a retry only spends another code. */
  const vaultCreated = ref(options.vaultExists ?? false)
  let release: (() => void) | null = null

  watch([relayUrl, code], ([typedRelay, typedCode]) => {
    const link = readPairingLink(typedCode) ?? readPairingLink(typedRelay)
    if (!link) return
    relayUrl.value = link.relayUrl
    code.value = link.code
  })

  const strength = computed(() => passphraseStrength(passphrase.value))
  const problems = computed<Record<JoinShopField, string | null>>(() => {
    if (!tried.value) return { relayUrl: null, code: null, passphrase: null, confirmation: null }
    return {
      relayUrl: relayAddress(relayUrl.value) ? null : t('sync.join.badUrl'),
      code: code.value.trim() ? null : t('sync.join.codeMissing'),
      passphrase:
        !vaultCreated.value && strength.value === 'tooShort'
          ? t('vault.create.tooShort', { minimum: minimumPassphraseLength })
          : null,
      confirmation:
        vaultCreated.value || confirmation.value === passphrase.value
          ? null
          : t('vault.create.mismatch'),
    }
  })

  /** Resolves to the first field with a problem (to put focus there), or null. */
  async function submit(): Promise<JoinShopField | null> {
    if (busy.value) return null
    tried.value = true
    failure.value = null
    const first = (['relayUrl', 'code', 'passphrase', 'confirmation'] as const).find(
      (field) => problems.value[field] !== null,
    )
    if (first) return first
    busy.value = true
    try {
      // On the first screen, held until the join is done: a wrong code is said right there.
      if (!options.vaultExists) release ??= vault.holdScreen()
      if (!vaultCreated.value) {
        const error = await vault.create(t('sync.join.provisionalName'), passphrase.value)
        if (error) {
          failure.value = failureText(error)
          release?.()
          release = null
          return null
        }
        vaultCreated.value = true
        passphrase.value = ''
        confirmation.value = ''
      }
      const joined = await bridge.call('sync.join', {
        relayUrl: relayAddress(relayUrl.value) ?? '',
        code: code.value.trim(),
      })
      if (joined.ok) {
        release?.()
        release = null
        return null
      }
      failure.value = failureText(joined.error, {
        INVALID_INPUT: t('sync.join.badCode'),
        DISCONNECTED: t('sync.join.unreachable'),
      })
      return 'code'
    } finally {
      busy.value = false
    }
  }

  return {
    relayUrl,
    code,
    passphrase,
    confirmation,
    strength,
    problems,
    busy,
    failure,
    vaultCreated,
    minimum: minimumPassphraseLength,
    submit,
  }
}
