/** Making one-time enrolment codes: valid 24 hours by default, single use, stored as digests. */
import { inviteCodeDigest, newInviteCode } from '../crypto/invite-code'
import type { RelayStore } from '../store/relay-store'

export const inviteValidityMs = 24 * 60 * 60 * 1000

export interface InviteOptions {
  phoneNumberId: string
  businessAccountId?: string | null
  now?: number
  validityMs?: number
}

export interface Invite {
  code: string
  expiresAt: number
}

export async function createInvite(store: RelayStore, options: InviteOptions): Promise<Invite> {
  const code = newInviteCode()
  const createdAt = options.now ?? Date.now()
  const expiresAt = createdAt + (options.validityMs ?? inviteValidityMs)
  await store.createInvite({
    codeDigest: inviteCodeDigest(code)!,
    phoneNumberId: options.phoneNumberId,
    businessAccountId: options.businessAccountId ?? null,
    createdAt,
    expiresAt,
  })
  return { code, expiresAt }
}
