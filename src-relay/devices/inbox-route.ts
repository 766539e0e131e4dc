/** `GET /v1/inbox?after=<seq>&limit=<n>`: the shop's sealed items after a cursor, oldest first. */
import type { ServerResponse } from 'node:http'
import { inboxQuerySchema } from '../api/device-api'
import type { InboxPage } from '../../src-shared/relay/device-protocol'
import { sendError, sendJson } from '../http/respond'
import type { DeviceRecord, RelayStore } from '../store/relay-store'

export async function handleInbox(
  url: URL,
  response: ServerResponse,
  device: DeviceRecord,
  store: RelayStore,
): Promise<void> {
  const query = inboxQuerySchema.safeParse({
    after: url.searchParams.get('after') ?? undefined,
    limit: url.searchParams.get('limit') ?? undefined,
  })
  if (!query.success) {
    sendError(
      response,
      400,
      'INVALID_INPUT',
      'after and limit are whole numbers (after ≥ 0, limit ≥ 1).',
    )
    return
  }
  const { after, limit } = query.data
  const page = await store.readInbox(device.shopId, after, limit)
  const answer: InboxPage = {
    items: page.items.map((item) => ({
      seq: item.seq,
      receivedAt: item.receivedAt,
      sealed: Buffer.from(item.sealed).toString('base64'),
    })),
    next: page.items.at(-1)?.seq ?? after,
    hasMore: page.hasMore,
  }
  sendJson(response, 200, answer)
}
