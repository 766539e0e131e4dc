/**
 * Kedai's core: every service behind the bridge, for one data directory. Both shells create it
 * the same way and hand `handlers` to their transport.
 */
import { mkdirSync } from 'node:fs'
import type { CoreHandlers, Shell } from '../../src-shared/bridge/contract'
import { createCoreEvents, type CoreEvents } from './events'
import { readPreferences, writePreferences } from './preferences/preferences-file'
import { appName, appVersion } from './version'

export interface CoreOptions {
  dataDir: string
  shell: Shell
}

export interface Core {
  readonly handlers: CoreHandlers
  readonly events: CoreEvents
  close(): Promise<void>
}

export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true })
  const events = createCoreEvents()
  let preferences = readPreferences(options.dataDir)

  const handlers: CoreHandlers = {
    'app.info': () => ({ name: appName, version: appVersion, shell: options.shell }),
    'preferences.get': () => preferences,
    'preferences.update': (change) => {
      preferences = { ...preferences, ...change }
      writePreferences(options.dataDir, preferences)
      events.emit('preferences.changed', preferences)
      return preferences
    },
  }

  return {
    handlers,
    events,
    close: () => Promise.resolve(),
  }
}
