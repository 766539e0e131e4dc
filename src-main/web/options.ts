/** The browser-mode command line: `--port`, `--data-dir`, `--profile`, `--no-open`, `--no-demo`. */
import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { defaultDataDir, isValidProfileName } from '../core/data-dir'

export interface WebOptions {
  port: number
  dataDir: string
  open: boolean
  demo: boolean
}

export function parseWebOptions(argv: string[]): WebOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      profile: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      'no-demo': { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  })
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a number from 0 to 65535, not "${values.port}".`)
  }
  const profile = values.profile ?? 'default'
  if (!isValidProfileName(profile)) {
    throw new Error('--profile may use only letters, digits, "-" and "_" (at most 40).')
  }
  return {
    port,
    dataDir: values['data-dir'] ? resolve(values['data-dir']) : defaultDataDir(profile),
    open: !values['no-open'],
    demo: !values['no-demo'] && process.env.KEDAI_DEMO !== '0',
  }
}
