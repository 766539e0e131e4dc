/** The window (and browser tab) title; the inbox will add its unread count here. */
export const appTitle = 'Kedai'

export function useWindowTitle(): void {
  document.title = appTitle
}
