/**
 * Moving a backup between core (base64 over the bridge) and a file the owner chooses: read a
 * chosen file, or hand core's bytes to the browser's download (a Blob behind an anchor).
 */

export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : ''
      const comma = url.indexOf(',')
      if (comma < 0) reject(new Error('The file could not be read.'))
      else resolve(url.slice(comma + 1))
    }
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'))
    reader.readAsDataURL(file)
  })
}

export function base64ToBlob(base64: string, type = 'application/octet-stream'): Blob {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index)
  return new Blob([bytes], { type })
}

/** How long the Blob's address stays valid: the browser reads it after the click returns. */
const keepDownloadUrlMs = 60_000

export function downloadBase64(fileName: string, base64: string): void {
  const url = URL.createObjectURL(base64ToBlob(base64))
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = fileName
  anchor.hidden = true
  document.body.append(anchor)
  anchor.click()
  anchor.remove()
  setTimeout(() => URL.revokeObjectURL(url), keepDownloadUrlMs)
}
