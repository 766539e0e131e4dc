/** What the renderer is shown of the inbox: conversations and their messages, opened. */
import { z } from 'zod'

export const conversationItemSchema = z.object({
  id: z.string(),
  customer: z.object({
    id: z.string(),
    /** The owner's name for them, else their WhatsApp profile name. */
    name: z.string().nullable(),
    profileName: z.string().nullable(),
    phone: z.string().nullable(),
    country: z.string().nullable(),
    market: z.string().nullable(),
    optedOutAt: z.number().nullable(),
    firstSeenAt: z.number(),
    /** The shop's labels on this customer, in the shop's label order. */
    labelIds: z.array(z.string()),
  }),
  lastMessageAt: z.number(),
  lastInboundAt: z.number().nullable(),
  unreadCount: z.number().int(),
  pinnedAt: z.number().nullable(),
  archivedAt: z.number().nullable(),
})
export type ConversationItem = z.infer<typeof conversationItemSchema>

export const messageItemSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  kind: z.string(),
  /** The message content as the platform's wire format has it (see src-shared/whatsapp). */
  body: z.unknown(),
  status: z.string(),
  sentAt: z.number(),
  wamid: z.string().nullable(),
  clientId: z.string().nullable(),
  errorCode: z.number().nullable(),
  replyToWamid: z.string().nullable(),
  fromAd: z.boolean(),
  echo: z.boolean(),
})
export type MessageItem = z.infer<typeof messageItemSchema>
