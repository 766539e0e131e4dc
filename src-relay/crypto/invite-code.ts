/**
 * The relay's one-time enrolment codes (src-shared/security/one-time-code.ts): made from the
 * relay's own randomness, stored only as a digest.
 */
import { randomBytes } from 'node:crypto'
import {
  formatOneTimeCode,
  normaliseOneTimeCode,
  oneTimeCodeBytes,
} from '../../src-shared/security/one-time-code'
import { sha256 } from './secrets'

export function newInviteCode(): string {
  return formatOneTimeCode(randomBytes(oneTimeCodeBytes))
}

/** The digest stored for a code; null when the text cannot be a code at all. */
export function inviteCodeDigest(typed: string): Buffer | null {
  const code = normaliseOneTimeCode(typed)
  return code === null ? null : sha256(`kedai-invite:${code}`)
}
