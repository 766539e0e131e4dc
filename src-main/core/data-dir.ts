/** Where a Kedai instance keeps its files when none is named: one folder per profile. */
import { homedir } from 'node:os'
import { join } from 'node:path'

export function defaultDataDir(profile = 'default'): string {
  const base =
    process.env.XDG_DATA_HOME ??
    (process.platform === 'win32'
      ? (process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : join(homedir(), '.local', 'share'))
  return join(base, 'Kedai', profile)
}

/** A profile name becomes a folder name, so it is kept to safe characters. */
export function isValidProfileName(name: string): boolean {
  return /^[A-Za-z0-9_-]{1,40}$/.test(name)
}
