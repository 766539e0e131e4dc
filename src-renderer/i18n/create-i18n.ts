/**
 * vue-i18n in Composition API mode with Kedai's two languages. Messages are plain strings that
 * vue-i18n v11 compiles just in time into an AST and interprets, never through `eval` or
 * `new Function`, so they run under the renderer's CSP (no 'unsafe-eval').
 */
import { createI18n } from 'vue-i18n'
import type { Language } from '../../src-shared/preferences/preferences'
import { en, type MessageSchema } from './messages/en'
import { id } from './messages/id'

// Gives `t('...')` completion from the English file. vue-i18n still accepts any string, so
// tests/renderer/i18n-keys.test.ts checks that every key the renderer uses exists.
declare module 'vue-i18n' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefineLocaleMessage extends MessageSchema {}
}

export function createKedaiI18n(language: Language) {
  return createI18n<[MessageSchema], Language, false>({
    legacy: false,
    locale: language,
    fallbackLocale: 'en',
    messages: { en, id },
  })
}

export type KedaiI18n = ReturnType<typeof createKedaiI18n>
