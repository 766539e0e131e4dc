/**
 * Words for a refusal from core. Where the owner has something to do about it (a wrong
 * passphrase, Kedai not answering) Kedai says it in the owner's language; otherwise core's own
 * message, which is written for the owner too, says what happened.
 */
import { useI18n } from 'vue-i18n'
import type { BridgeError, ErrorCode } from '../../../src-shared/bridge/errors'

const lineDownCodes: ReadonlySet<ErrorCode> = new Set(['DISCONNECTED', 'TIMEOUT', 'SHUTTING_DOWN'])

export type OwnFailureTexts = Partial<Record<ErrorCode, string>>

export function useFailureText() {
  const { t } = useI18n()
  return function failureText(error: BridgeError, own: OwnFailureTexts = {}): string {
    const text = own[error.code]
    if (text !== undefined) return text
    if (lineDownCodes.has(error.code)) return t('failure.notAnswering')
    return error.message
  }
}
