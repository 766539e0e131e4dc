/** A relay address as the owner typed it: trimmed, and only http(s) with a host. */
export function relayAddress(typed: string): string | null {
  const text = typed.trim()
  try {
    const url = new URL(text)
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.host) return null
    return text.replace(/\/+$/, '')
  } catch {
    return null
  }
}
