/**
 * Delivery statuses in words: the tick's name for screen readers and hover, and for a failed
 * message what went wrong and what to do, from the platform's error code (explainErrorCode
 * decides the reason; the words are translated, with a closer text where one code has its own).
 */
import { useI18n } from 'vue-i18n'
import { isOutboundStatus, type OutboundStatus } from '../../../src-shared/inbox/delivery-status'
import { explainErrorCode } from '../../../src-shared/whatsapp/error-reasons'

export interface FailureWords {
  explanation: string
  ownerAction: string
  code: number | null
}

export function useDeliveryText() {
  const i18n = useI18n()
  const t = i18n.t

  function statusOf(status: string): OutboundStatus | null {
    return isOutboundStatus(status) ? status : null
  }

  function statusLabel(status: string): string {
    const known = statusOf(status)
    return known === null ? status : t(`inbox.delivery.${known}`)
  }

  function failure(errorCode: number | null): FailureWords {
    const explained = explainErrorCode(errorCode ?? 0)
    const byCode = `inbox.failure.codes.c${errorCode ?? 0}`
    const base = i18n.te(`${byCode}.explanation`)
      ? byCode
      : `inbox.failure.reasons.${explained.reason}`
    return {
      explanation: t(`${base}.explanation`),
      ownerAction: t(`${base}.ownerAction`),
      code: errorCode,
    }
  }

  return { statusOf, statusLabel, failure }
}
