/**
 * The owner's edits on a conversation's customer in the simulation: labels (made, renamed,
 * recoloured, deleted, put on, taken off), notes (written, edited, deleted) and the customer's
 * name. Devices make them while offline and crash around them like any other edit; an edit the
 * owner would be refused (a name taken, the label limit, a note deleted meanwhile) is counted,
 * not failed.
 */
import type { Core } from '../../../src-main/core/core'
import { labelColors } from '../../../src-shared/labels/labels'
import type { SeededRandom } from '../../../src-shared/sync/seeded-random'

const labelNames = ['Grosir', 'Reseller', 'VIP', 'Lunas', 'COD', 'Dropship', 'Langganan']
const noteTexts = ['Minta nota', 'Alamat: Jl. Mawar 3', 'Suka diskon ongkir', 'Kirim sore']
const customerNames = ['Bu Siti', 'Pak Budi', 'Kak Ayu', null]

function pick<T>(random: SeededRandom, items: readonly T[]): T | undefined {
  return items.length === 0 ? undefined : items[random.int(items.length)]
}

/** One random edit on `conversationId`'s customer; its name for the run's counts. */
export async function randomShopEdit(
  random: SeededRandom,
  core: Core,
  conversationId: string,
  step: number,
): Promise<string> {
  const conversation = (await core.handlers['inbox.conversations']({ limit: 500 })).find(
    (c) => c.id === conversationId,
  )
  if (!conversation) return 'edit skipped'
  const customerId = conversation.customer.id
  const labels = await core.handlers['labels.list']({})
  const notes = await core.handlers['inbox.notes']({ customerId })
  const label = pick(random, labels)
  const note = pick(random, notes)
  const color = pick(random, labelColors)!
  try {
    switch (random.int(9)) {
      case 0:
        await core.handlers['labels.create']({ name: `${pick(random, labelNames)} ${step}`, color })
        return 'label made'
      case 1:
        if (!label) return 'edit skipped'
        await core.handlers['labels.rename']({
          labelId: label.id,
          name: `${pick(random, labelNames)} ${step}`,
        })
        return 'label renamed'
      case 2:
        if (!label) return 'edit skipped'
        if (random.chance(0.5)) {
          await core.handlers['labels.recolour']({ labelId: label.id, color })
          return 'label recoloured'
        }
        await core.handlers['labels.delete']({ labelId: label.id })
        return 'label deleted'
      case 3:
      case 4:
        if (!label) return 'edit skipped'
        if (conversation.customer.labelIds.includes(label.id) && random.chance(0.5)) {
          await core.handlers['labels.unassign']({ customerId, labelId: label.id })
          return 'label taken off'
        }
        await core.handlers['labels.assign']({ customerId, labelId: label.id })
        return 'label put on'
      case 5:
        await core.handlers['inbox.addNote']({ customerId, body: pick(random, noteTexts)! })
        return 'note written'
      case 6:
        if (!note) return 'edit skipped'
        await core.handlers['inbox.editNote']({
          noteId: note.id,
          body: `${pick(random, noteTexts)} (${step})`,
        })
        return 'note edited'
      case 7:
        if (!note) return 'edit skipped'
        await core.handlers['inbox.deleteNote']({ noteId: note.id })
        return 'note deleted'
      default:
        await core.handlers['inbox.renameCustomer']({
          customerId,
          name: pick(random, customerNames) ?? '',
        })
        return 'customer renamed'
    }
  } catch (cause) {
    const code = (cause as { code?: unknown }).code
    if (code === 'INVALID_INPUT' || code === 'NOT_FOUND') return 'edit refused'
    throw cause
  }
}
