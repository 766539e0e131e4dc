/**
 * The webhook verification handshake: Meta calls `GET /webhook?hub.mode=subscribe&
 * hub.verify_token=T&hub.challenge=C` when the webhook is configured, and expects C back only
 * when T is the token the operator set.
 */
import { constantTimeEqual } from '../crypto/secrets'

export type SubscriptionAnswer = { ok: true; challenge: string } | { ok: false }

export function answerSubscription(
  query: URLSearchParams,
  verifyToken: string,
): SubscriptionAnswer {
  const mode = query.get('hub.mode')
  const token = query.get('hub.verify_token')
  const challenge = query.get('hub.challenge')
  if (mode !== 'subscribe' || token === null || challenge === null || challenge.length > 1024) {
    return { ok: false }
  }
  return constantTimeEqual(token, verifyToken) ? { ok: true, challenge } : { ok: false }
}
