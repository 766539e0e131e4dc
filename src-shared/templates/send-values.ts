/**
 * From the send form's filled parameters to the Cloud API send builder's input: the one step
 * that needs core, because only core knows which uploaded media a vault media reference became.
 */
import {
  type MediaSource,
  type SendAddress,
  type TemplateHeader as SendHeader,
  type TemplateSend,
} from '../whatsapp'
import { type FilledTemplateParameters } from './parameters'

export interface ResolvedMedia {
  source: MediaSource
  /** Shown to the customer under a document header. */
  filename?: string
}

export function templateSendOf(
  parameters: FilledTemplateParameters,
  address: SendAddress,
  resolveMedia: (mediaRef: string) => ResolvedMedia,
): TemplateSend {
  const send: TemplateSend = {
    ...address,
    name: parameters.name,
    language: parameters.language,
    body: parameters.body,
    buttons: parameters.buttons,
  }
  const { header } = parameters
  if (header) send.header = header.type === 'text' ? header : sendHeaderOf(header, resolveMedia)
  return send
}

function sendHeaderOf(
  header: Exclude<FilledTemplateParameters['header'], undefined | { type: 'text' }>,
  resolveMedia: (mediaRef: string) => ResolvedMedia,
): SendHeader {
  const media = resolveMedia(header.mediaRef)
  if (header.type === 'document') {
    return media.filename === undefined
      ? { type: 'document', media: media.source }
      : { type: 'document', media: media.source, filename: media.filename }
  }
  return { type: header.type, media: media.source }
}
