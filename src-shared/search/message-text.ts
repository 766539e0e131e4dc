/**
 * The words of a message that search looks in: what a person wrote or chose (text, captions,
 * file names, button and list titles, places, shared contacts, order notes). Media ids, links,
 * wamids and other machine values are left out, so they never match a word.
 */

/** Fields that hold what someone wrote, in any message type (and in ad referrals). */
const writtenFields = new Set([
  'body',
  'caption',
  'text',
  'title',
  'description',
  'name',
  'address',
  'note',
  'filename',
  'formattedName',
  'headline',
  'phone',
  'organization',
  'email',
])
/** Nested parts worth reading: shared contacts with their numbers, referrals, template parameters. */
const nestedFields = new Set([
  'contacts',
  'phones',
  'emails',
  'referral',
  'parameters',
  'components',
])

function collect(value: unknown, into: string[], depth: number): void {
  if (depth > 4 || value === null || typeof value !== 'object') return
  if (Array.isArray(value)) {
    for (const item of value) collect(item, into, depth + 1)
    return
  }
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    if (typeof field === 'string' && writtenFields.has(key)) into.push(field)
    else if (nestedFields.has(key)) collect(field, into, depth + 1)
  }
}

/** The searchable text of a message body as the vault keeps it (one string, parts on lines). */
export function searchableTextOf(body: unknown): string {
  const parts: string[] = []
  collect(body, parts, 0)
  return parts.join('\n')
}
