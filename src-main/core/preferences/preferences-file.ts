/**
 * This device's preferences, kept as a small JSON file in the data directory. A missing or
 * unreadable file means the defaults; writes go through a temporary file so a crash never
 * leaves half a file behind.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  defaultPreferences,
  preferencesSchema,
  type Preferences,
} from '../../../src-shared/preferences/preferences'
import { createLogger } from '../logger'

const log = createLogger('preferences')

export function preferencesPath(dataDir: string): string {
  return join(dataDir, 'preferences.json')
}

export function readPreferences(dataDir: string): Preferences {
  let text: string
  try {
    text = readFileSync(preferencesPath(dataDir), 'utf8')
  } catch {
    return { ...defaultPreferences }
  }
  try {
    // A file from an older Kedai lacks the newer preferences: they take their defaults.
    const saved: unknown = JSON.parse(text)
    const parsed = preferencesSchema.safeParse(
      saved !== null && typeof saved === 'object' ? { ...defaultPreferences, ...saved } : saved,
    )
    if (parsed.success) return parsed.data
  } catch {
    // fall through to the defaults below
  }
  log.warn('preferences.json was unreadable; using the defaults')
  return { ...defaultPreferences }
}

export function writePreferences(dataDir: string, preferences: Preferences): void {
  mkdirSync(dataDir, { recursive: true })
  const target = preferencesPath(dataDir)
  const temporary = `${target}.${process.pid}.tmp`
  writeFileSync(temporary, `${JSON.stringify(preferences, null, 2)}\n`)
  renameSync(temporary, target)
}
