/** Why a file cannot ride on a quick reply, in the owner's words (core's fallback English). */
import type { AttachmentIssue } from '../../../src-shared/quick-replies/attachment-rules'

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`

export function attachmentRefusal(issue: AttachmentIssue): string {
  switch (issue.code) {
    case 'attachment_type':
      return `WhatsApp does not take this kind of file (${issue.mimeType || 'unknown type'}). Attach a JPEG or PNG photo, or a PDF, Word, Excel, PowerPoint or text document.`
    case 'attachment_empty':
      return 'The file is empty. Attach another one.'
    case 'attachment_too_large':
      return `The file is ${megabytes(issue.size)}; a ${issue.kind === 'image' ? 'photo' : 'document'} can be at most ${megabytes(issue.limit)}.`
  }
}
