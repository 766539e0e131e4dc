/** Which screen the owner is on. Four screens need no router (and no new dependency). */
import { defineStore } from 'pinia'
import { ref } from 'vue'

export const screens = ['inbox', 'templates', 'costs', 'settings'] as const
export type Screen = (typeof screens)[number]

export const useNavigationStore = defineStore('navigation', () => {
  const screen = ref<Screen>('inbox')

  function open(next: Screen): void {
    screen.value = next
  }

  return { screen, open }
})
