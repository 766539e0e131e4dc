/** Indonesian texts for devices, pairing and sync; typed by the English file. */
import type { syncEn } from './sync.en'

export const syncId: typeof syncEn = {}
