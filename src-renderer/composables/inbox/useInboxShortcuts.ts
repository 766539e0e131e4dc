/**
 * The inbox's keys, listened for on the whole window: "?" shows the shortcuts, "/" and Ctrl+K
 * go to the search, Alt+arrows open the next or previous conversation, and j/k do the same when
 * the owner is not typing. Keys typed into a text field stay text.
 */
import { onScopeDispose } from 'vue'

export interface InboxShortcutActions {
  showShortcuts(): void
  focusSearch(): void
  openAdjacent(step: 1 | -1): void
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type))
  )
}

/** Inside the list, j/k and the arrows move its own cursor; Enter opens. */
const inList = (target: EventTarget | null) =>
  target instanceof HTMLElement && target.closest('[role="listbox"]') !== null
const inDialog = (target: EventTarget | null) =>
  target instanceof HTMLElement && target.closest('dialog') !== null

export function useInboxShortcuts(actions: InboxShortcutActions): void {
  function onKeydown(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.isComposing || inDialog(event.target)) return
    const typing = isTyping(event.target)
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey
    let handled = true
    if (event.altKey && !event.ctrlKey && !event.metaKey && event.key === 'ArrowDown') {
      actions.openAdjacent(1)
    } else if (event.altKey && !event.ctrlKey && !event.metaKey && event.key === 'ArrowUp') {
      actions.openAdjacent(-1)
    } else if (
      (event.ctrlKey || event.metaKey) &&
      !event.altKey &&
      event.key.toLowerCase() === 'k'
    ) {
      actions.focusSearch()
    } else if (plain && !typing && event.key === '?') {
      actions.showShortcuts()
    } else if (plain && !typing && event.key === '/') {
      actions.focusSearch()
    } else if (
      plain &&
      !typing &&
      !inList(event.target) &&
      (event.key === 'j' || event.key === 'k')
    ) {
      actions.openAdjacent(event.key === 'j' ? 1 : -1)
    } else {
      handled = false
    }
    if (handled) event.preventDefault()
  }

  window.addEventListener('keydown', onKeydown)
  onScopeDispose(() => window.removeEventListener('keydown', onKeydown))
}
