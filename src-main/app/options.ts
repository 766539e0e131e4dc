/** The desktop app's command line: `--data-dir DIR` or `--profile NAME` for side-by-side instances. */
import { parseArgs } from 'node:util'
import { join, resolve } from 'node:path'
import { isValidProfileName } from '../core/data-dir'

export interface AppOptions {
  /** A folder named by the user, or null for the profile's folder under Electron's userData. */
  dataDir: string | null
  profile: string
  /** Simulated customers through a relay and emulator on loopback; on unless `--no-demo`. */
  demo: boolean
}

export function parseAppOptions(argv: string[]): AppOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      profile: { type: 'string' },
      'no-demo': { type: 'boolean' },
    },
    strict: false,
    allowPositionals: true,
  })
  const profile = typeof values.profile === 'string' ? values.profile : 'default'
  if (!isValidProfileName(profile)) {
    throw new Error('--profile may use only letters, digits, "-" and "_" (at most 40).')
  }
  const dataDir = typeof values['data-dir'] === 'string' ? resolve(values['data-dir']) : null
  return { dataDir, profile, demo: values['no-demo'] !== true && process.env.KEDAI_DEMO !== '0' }
}

export function profileDir(userData: string, profile: string): string {
  return join(userData, 'profiles', profile)
}
