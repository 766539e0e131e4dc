/** English texts for devices, pairing and sync. */
export const syncEn = {}
