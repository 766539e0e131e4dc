/**
 * Who is calling: the bearer token's digest names a device and through it a shop. Every device
 * route starts here, and every query after it is scoped to that shop, so another shop's data is
 * indistinguishable from data that does not exist.
 */
import type { IncomingHttpHeaders } from 'node:http'
import { sha256 } from '../crypto/secrets'
import type { DeviceRecord, RelayStore } from '../store/relay-store'

export type DeviceAuth =
  | { ok: true; device: DeviceRecord }
  | { ok: false; code: 'UNAUTHORIZED' | 'DEVICE_REMOVED'; message: string }

export function bearerToken(headers: IncomingHttpHeaders): string | null {
  const header = headers.authorization
  if (typeof header !== 'string') return null
  const match = /^Bearer\s+([A-Za-z0-9_-]{16,128})\s*$/.exec(header)
  return match?.[1] ?? null
}

export async function authenticateDevice(
  store: RelayStore,
  headers: IncomingHttpHeaders,
): Promise<DeviceAuth> {
  const token = bearerToken(headers)
  if (token === null) {
    return { ok: false, code: 'UNAUTHORIZED', message: 'A device token is required.' }
  }
  const device = await store.deviceByTokenDigest(sha256(token))
  if (!device)
    return { ok: false, code: 'UNAUTHORIZED', message: 'This device token is not known.' }
  if (device.removedAt !== null) {
    return { ok: false, code: 'DEVICE_REMOVED', message: 'This device was removed from the shop.' }
  }
  return { ok: true, device }
}
