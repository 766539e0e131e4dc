/** How this device shows Kedai: language, theme, locking and notifications. Not shop data, so it is not sealed or synced. */
import { z } from 'zod'

export const languages = ['id', 'en'] as const
export type Language = (typeof languages)[number]

export const themes = ['system', 'light', 'dark'] as const
export type Theme = (typeof themes)[number]

export const preferencesSchema = z.object({
  /** null follows the system's language. */
  language: z.enum(languages).nullable(),
  theme: z.enum(themes),
  /** Lock the vault after this many idle minutes; 0 never locks by itself. */
  autoLockMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  /** No notifications for new customer messages on this device. */
  doNotDisturb: z.boolean(),
})
export type Preferences = z.infer<typeof preferencesSchema>

export const defaultPreferences: Preferences = {
  language: null,
  theme: 'system',
  autoLockMinutes: 15,
  doNotDisturb: false,
}

/** The language to show when the owner has not chosen one: Indonesian for `id*`, else English. */
export function languageFromLocale(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('id') ? 'id' : 'en'
}
