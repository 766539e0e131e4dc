/** Expected sync failures as values: a bad timestamp or operation from another device is data. */

export type SyncErrorCode =
  'CLOCK_DRIFT' | 'INVALID_TIMESTAMP' | 'INVALID_OPERATION' | 'INVALID_SNAPSHOT'

export interface SyncError<C extends SyncErrorCode = SyncErrorCode> {
  code: C
  message: string
}

export type SyncResult<T, C extends SyncErrorCode = SyncErrorCode> =
  { ok: true; value: T } | { ok: false; error: SyncError<C> }

export function syncFailure<C extends SyncErrorCode>(
  code: C,
  message: string,
): { ok: false; error: SyncError<C> } {
  return { ok: false, error: { code, message } }
}
