/** Writes a generated shop into an open vault through the same code the inbox uses. */
import { ensureConversation } from '../../src-main/core/inbox/conversations'
import { upsertCustomer } from '../../src-main/core/inbox/customers'
import { insertMessages, type BodySealer } from '../../src-main/core/inbox/messages'
import { writeInSlices, type SlicedWriteOptions } from '../../src-main/core/store/sliced-writes'
import type { OpenShop } from '../../src-main/core/vault/vault'
import { recipientOf } from '../../src-shared/markets'
import type { GeneratedConversation } from './generate-shop'

type Shop = Pick<OpenShop, 'db' | 'sealer'>

/** A piece of one conversation small enough to write within one slice. */
interface Chunk {
  conversation: GeneratedConversation
  from: number
  to: number
}

const messagesPerChunk = 50

function conversationOf(shop: Shop, conversation: GeneratedConversation): string {
  const first = conversation.messages[0]?.sentAt ?? Date.now()
  const { market, country } = recipientOf({ phone: `+${conversation.customer.waId}` })
  const customerId = upsertCustomer(shop as OpenShop, {
    waId: conversation.customer.waId,
    profileName: conversation.customer.profileName,
    country: country ?? conversation.customer.country,
    market,
    at: first,
  })
  return ensureConversation(shop as OpenShop, customerId, first)
}

function storeChunk(shop: Shop, chunk: Chunk, sealBody: BodySealer): number {
  const conversationId = conversationOf(shop, chunk.conversation)
  const messages = chunk.conversation.messages.slice(chunk.from, chunk.to)
  return insertMessages(
    shop,
    messages.map((message) => ({ ...message, conversationId })),
    sealBody,
  ).length
}

function chunksOf(conversations: readonly GeneratedConversation[]): Chunk[] {
  return conversations.flatMap((conversation) => {
    const chunks: Chunk[] = []
    for (let from = 0; from < conversation.messages.length; from += messagesPerChunk) {
      chunks.push({ conversation, from, to: from + messagesPerChunk })
    }
    return chunks
  })
}

/** Everything in one transaction: the fastest way, for measuring. */
export function storeGeneratedShopAtOnce(
  shop: Shop,
  conversations: readonly GeneratedConversation[],
  sealBody: BodySealer,
): void {
  shop.db.transaction(() => {
    for (const chunk of chunksOf(conversations)) storeChunk(shop, chunk, sealBody)
  })()
}

/** In short slices that leave the event loop free between them. */
export async function storeGeneratedShop(
  shop: Shop,
  conversations: readonly GeneratedConversation[],
  sealBody: BodySealer,
  options: SlicedWriteOptions = {},
): Promise<void> {
  await writeInSlices(
    shop.db,
    chunksOf(conversations),
    (chunk) => storeChunk(shop, chunk, sealBody),
    options,
  )
}
