/** Reads a QR code from a screenshot's pixels, as a phone's camera would. */
import jsQR from 'jsqr'
import { PNG } from 'pngjs'

export function readQr(png: Buffer): string | null {
  const image = PNG.sync.read(png)
  const found = jsQR(new Uint8ClampedArray(image.data), image.width, image.height)
  return found?.data ?? null
}
