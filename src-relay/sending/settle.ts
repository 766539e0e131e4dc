/**
 * Status webhooks settle sends: a status naming a client id (`biz_opaque_callback_data`) or a
 * known wamid tells an unknown send that it did go out, gives a send whose answer has not come
 * yet its wamid, and turns a send into `failed` when delivery failed after acceptance.
 */
import type { StatusEvent } from '../../src-shared/whatsapp'
import type { RelayStore } from '../store/relay-store'
import { sendErrorOfPlatform } from './send-errors'
import type { SendRecord, SendTransition } from './send-state'

function transitionOf(status: StatusEvent): SendTransition {
  if (status.status !== 'failed') return { to: 'sent', wamid: status.wamid }
  const first = status.errors[0]
  return {
    to: 'failed',
    wamid: status.wamid,
    error: first
      ? sendErrorOfPlatform(first)
      : { code: 0, reason: 'unknown', message: 'WhatsApp reported the message as failed.' },
  }
}

/** Applies the statuses in the order the platform stamped them; returns the sends that changed. */
export async function settleSends(
  store: RelayStore,
  shopId: string,
  statuses: readonly StatusEvent[],
  at: number,
): Promise<SendRecord[]> {
  const changed: SendRecord[] = []
  const ordered = [...statuses].sort((a, b) => a.statusAt - b.statusAt)
  for (const status of ordered) {
    const byClientId = status.bizOpaqueCallbackData
      ? await store.sendByClientId(shopId, status.bizOpaqueCallbackData)
      : null
    const record = byClientId ?? (await store.sendByWamid(shopId, status.wamid))
    if (!record) continue
    const next = await store.transitionSend(shopId, record.clientId, transitionOf(status), at)
    if (next) changed.push(next)
  }
  return changed
}
