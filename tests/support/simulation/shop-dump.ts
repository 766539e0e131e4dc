/**
 * What every device of the shop must agree on after healing, in one canonical form: the shop's
 * labels, and each conversation (by the customer's phone, since row ids are per device) with the
 * shop's marks on it, its customer's labels and notes, and its messages (by wamid or client id)
 * with their content and delivery status.
 */
import type { Core } from '../../../src-main/core/core'

export interface DumpedMessage {
  key: string
  direction: string
  body: unknown
  status: string
  errorCode: number | null
  sentAt: number
}

export interface DumpedLabel {
  id: string
  name: string
  color: string
  sort: number
}

export interface DumpedNote {
  id: string
  body: string
  createdAt: number
  updatedAt: number
}

export interface DumpedConversation {
  phone: string
  name: string | null
  labelIds: string[]
  notes: DumpedNote[]
  pinnedAt: number | null
  archivedAt: number | null
  unreadCount: number
  messages: DumpedMessage[]
}

export interface DumpedShop {
  labels: DumpedLabel[]
  conversations: DumpedConversation[]
}

export async function dumpShop(core: Core): Promise<DumpedShop> {
  const labels = (await core.handlers['labels.list']({})).map(({ id, name, color, sort }) => ({
    id,
    name,
    color,
    sort,
  }))
  return { labels, conversations: await dumpConversations(core) }
}

async function dumpConversations(core: Core): Promise<DumpedConversation[]> {
  const conversations = await core.handlers['inbox.conversations']({ limit: 500 })
  const dump: DumpedConversation[] = []
  for (const conversation of conversations) {
    const messages = await core.handlers['inbox.messages']({
      conversationId: conversation.id,
      limit: 500,
    })
    dump.push({
      phone: conversation.customer.phone ?? conversation.customer.id,
      name: conversation.customer.name,
      labelIds: conversation.customer.labelIds,
      notes: (await core.handlers['inbox.notes']({ customerId: conversation.customer.id })).map(
        ({ id, body, createdAt, updatedAt }) => ({ id, body, createdAt, updatedAt }),
      ),
      pinnedAt: conversation.pinnedAt,
      archivedAt: conversation.archivedAt,
      unreadCount: conversation.unreadCount,
      messages: messages
        .map((m) => ({
          key: m.clientId ?? m.wamid ?? m.id,
          direction: m.direction,
          body: m.body,
          status: m.status,
          errorCode: m.errorCode,
          sentAt: m.sentAt,
        }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    })
  }
  return dump.sort((a, b) => (a.phone < b.phone ? -1 : a.phone > b.phone ? 1 : 0))
}

/**
 * The shop's own data every device must agree on too: quick replies, templates (the owner's
 * fields and the platform's word on them), cost settings, the ledger line for line (without
 * each device's own message row id) and the meter.
 */
export async function dumpShopData(core: Core): Promise<unknown> {
  const quickReplies = await core.handlers['quickReplies.list']({})
  const templates = await core.handlers['templates.list']({})
  const { csv } = await core.handlers['costs.exportCsv']({})
  return {
    quickReplies: quickReplies.map(({ id, shortcut, text, order, usageCount }) => ({
      id,
      shortcut,
      text,
      order,
      usageCount,
    })),
    templates: templates.map(({ id, name, language, category, status, body }) => ({
      id,
      name,
      language,
      category,
      status,
      body,
    })),
    costSettings: await core.handlers['costs.settings']({}),
    ledger: csv
      .trim()
      .split('\r\n')
      .map((line) => line.split(',').toSpliced(3, 1).join(',')),
    meter: await core.handlers['costs.meter']({}),
  }
}
