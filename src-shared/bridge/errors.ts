/**
 * The error codes that cross the bridge. Expected failures carry one of these and a message a
 * shop owner can read; anything else is a bug and crosses as INTERNAL.
 */
export const errorCodes = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'TIMEOUT',
  'SHUTTING_DOWN',
  'DISCONNECTED',
  'INTERNAL',
  'NOT_FOUND',
  'VAULT_LOCKED',
  'WRONG_PASSPHRASE',
  'WINDOW_CLOSED',
  'BUDGET_EXCEEDED',
] as const

export type ErrorCode = (typeof errorCodes)[number]

export interface BridgeError {
  code: ErrorCode
  message: string
}

/** Thrown by core for an expected failure; the bridge turns it into `{ok: false, error}`. */
export class BridgeFailure extends Error {
  readonly code: ErrorCode

  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'BridgeFailure'
    this.code = code
  }
}
