/**
 * The few browser globals the inbox bench's page functions use, typed here because scripts are
 * checked without the DOM library. Inside `page.evaluate` they read `globalThis as PageGlobals`.
 */
export interface PageElement {
  scrollTop: number
  readonly scrollHeight: number
  readonly clientHeight: number
  querySelectorAll(selector: string): ArrayLike<PageElement>
  click(): void
}

export interface PageSocket {
  onopen: (() => void) | null
  onerror: (() => void) | null
  onmessage: ((event: { data: unknown }) => void) | null
  send(data: string): void
  close(): void
}

export interface PageGlobals {
  document: {
    querySelector(selector: string): PageElement | null
    querySelectorAll(selector: string): ArrayLike<PageElement>
  }
  location: { hash: string; host: string }
  requestAnimationFrame: (callback: (now: number) => void) => number
  WebSocket: new (url: string) => PageSocket
}
