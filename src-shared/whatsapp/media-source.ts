/** Media the shop sends: uploaded to WhatsApp before (by media id) or fetched by WhatsApp (by link). */

export type MediaSource = { id: string } | { link: string }

export type HeaderMediaType = 'image' | 'video' | 'document'

export type WireMediaObject = ({ id: string } | { link: string }) & { filename?: string }

/** A header with media, the same shape in interactive messages and template parameters. */
export type WireMediaHeader =
  | { type: 'image'; image: WireMediaObject }
  | { type: 'video'; video: WireMediaObject }
  | { type: 'document'; document: WireMediaObject }

/** What is wrong with a media source, or null when it can be sent. */
export function mediaSourceProblem(media: MediaSource): string | null {
  if ('id' in media) return /^\S+$/.test(media.id) ? null : 'the media id is empty'
  return /^https?:\/\/\S+$/.test(media.link) ? null : `"${media.link}" is not a web address`
}

export function wireMediaHeader(
  type: HeaderMediaType,
  media: MediaSource,
  filename?: string,
): WireMediaHeader {
  const source: WireMediaObject = 'id' in media ? { id: media.id } : { link: media.link }
  switch (type) {
    case 'image':
      return { type, image: source }
    case 'video':
      return { type, video: source }
    case 'document':
      return { type, document: filename === undefined ? source : { ...source, filename } }
  }
}
