/**
 * Whether the renderer can reach core. A missing token is known before any call; a lost line
 * is learnt from calls that fail without core answering (see bridge/connection-watch.ts).
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'

export type ConnectionState = 'connecting' | 'connected' | 'missing-token' | 'lost'

export const useConnectionStore = defineStore('connection', () => {
  const state = ref<ConnectionState>('connecting')

  function noteMissingToken(): void {
    state.value = 'missing-token'
  }

  function noteAnswer(): void {
    if (state.value !== 'missing-token') state.value = 'connected'
  }

  function noteLost(): void {
    if (state.value !== 'missing-token') state.value = 'lost'
  }

  return { state, noteMissingToken, noteAnswer, noteLost }
})
