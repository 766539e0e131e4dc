/** Search across every message and customer (`inbox.search`), answered from core's in-memory index. */
import { z } from 'zod'
import type { EventMap, MethodMap } from './method-map'

export const searchMessageHitSchema = z.object({
  messageId: z.string(),
  sentAt: z.number(),
  direction: z.enum(['inbound', 'outbound']),
  /** The matching part of the message, as plain text (the renderer highlights it). */
  snippet: z.string(),
  /** How many messages of the conversation are this one or newer: what to load to show it. */
  fromNewest: z.number().int().min(1),
})

export const searchConversationSchema = z.object({
  conversationId: z.string(),
  /** The customer's name, profile name or number matched. */
  customerMatched: z.boolean(),
  /** Every matching message of the conversation; `messages` holds the newest few. */
  messageCount: z.number().int().min(0),
  messages: z.array(searchMessageHitSchema),
})

export const searchResultSchema = z.object({
  conversations: z.array(searchConversationSchema),
  /** Conversations with a match beyond `limit`. */
  moreConversations: z.number().int().min(0),
  /** Right after an unlock the index is still being built: results cover what is indexed. */
  indexing: z.object({
    done: z.boolean(),
    indexedMessages: z.number().int(),
    totalMessages: z.number().int(),
  }),
  /** Time spent in core, for the benchmark and for a slow-search report. */
  tookMs: z.number(),
})

export type SearchResult = z.output<typeof searchResultSchema>
export type SearchConversation = z.output<typeof searchConversationSchema>
export type SearchMessageHit = z.output<typeof searchMessageHitSchema>

export const searchMethods = {
  /** Words and word beginnings, accents and case ignored; number-like queries also match numbers. */
  'inbox.search': {
    params: z
      .object({
        query: z.string().max(200),
        limit: z.number().int().min(1).max(200).default(30),
        messagesPerConversation: z.number().int().min(1).max(20).default(3),
      })
      .strict(),
    result: searchResultSchema,
  },
} as const satisfies MethodMap

export const searchEvents = {} as const satisfies EventMap
