/**
 * `GET /v1/devices` and `DELETE /v1/devices/<deviceId>`: the devices of the caller's shop. A
 * device may remove itself or another device of its shop; a removed device's token is refused
 * from then on and its stream is closed. (Pairing new devices comes with sync.)
 */
import type { ServerResponse } from 'node:http'
import type { DeviceView } from '../../src-shared/relay/device-protocol'
import { sendError, sendJson } from '../http/respond'
import { createLogger } from '../logger'
import type { DeviceRecord, RelayStore } from '../store/relay-store'
import type { StreamHub } from './stream-hub'

const log = createLogger('devices')

function viewOf(device: DeviceRecord): DeviceView {
  return {
    deviceId: device.id,
    name: device.name,
    createdAt: device.createdAt,
    removedAt: device.removedAt,
    lastSeenAt: device.lastSeenAt,
  }
}

export async function handleListDevices(
  response: ServerResponse,
  device: DeviceRecord,
  store: RelayStore,
): Promise<void> {
  const devices = await store.devicesOfShop(device.shopId)
  sendJson(response, 200, { devices: devices.map(viewOf) })
}

export async function handleRemoveDevice(
  deviceId: string,
  response: ServerResponse,
  caller: DeviceRecord,
  store: RelayStore,
  hub: StreamHub,
  now: number,
): Promise<void> {
  const removed = await store.removeDevice(caller.shopId, deviceId, now)
  if (!removed) return sendError(response, 404, 'NOT_FOUND', 'No such device in this shop.')
  log.info(`device ${removed.id} removed by device ${caller.id}`)
  sendJson(response, 200, viewOf(removed))
  hub.disconnectDevice(caller.shopId, removed.id)
}
