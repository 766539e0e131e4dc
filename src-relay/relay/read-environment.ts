/**
 * The relay's configuration from the environment, with flags that mirror the non-secret
 * settings (`--port 8787` for KEDAI_RELAY_PORT...). Secrets come only from the environment, so
 * they never show in a process list. Everything missing is named at once; values never are.
 */
import {
  defaultApiVersion,
  defaultGraphUrl,
  defaultRelayPort,
  type RelayConfig,
} from './relay-config'

export type Environment = Readonly<Record<string, string | undefined>>

export const relayVariables = {
  port: 'KEDAI_RELAY_PORT',
  host: 'KEDAI_RELAY_HOST',
  dataDir: 'KEDAI_RELAY_DATA_DIR',
  appSecret: 'WHATSAPP_APP_SECRET',
  verifyToken: 'WHATSAPP_VERIFY_TOKEN',
  accessToken: 'WHATSAPP_ACCESS_TOKEN',
  phoneNumberId: 'WHATSAPP_PHONE_NUMBER_ID',
  businessAccountId: 'WHATSAPP_BUSINESS_ACCOUNT_ID',
  graphUrl: 'WHATSAPP_GRAPH_URL',
  apiVersion: 'WHATSAPP_API_VERSION',
} as const

/** Flags for the settings that are not secrets. */
const flagOf: Partial<Record<keyof typeof relayVariables, string>> = {
  port: '--port',
  host: '--host',
  dataDir: '--data-dir',
  phoneNumberId: '--phone-number-id',
  businessAccountId: '--business-account-id',
  graphUrl: '--graph-url',
  apiVersion: '--api-version',
}

export interface CommandLine {
  command: 'serve' | 'invite' | 'help'
  flags: Map<string, string>
}

export function readCommandLine(argv: readonly string[]): CommandLine | { error: string } {
  const flags = new Map<string, string>()
  let command: CommandLine['command'] = 'serve'
  for (let index = 0; index < argv.length; index += 1) {
    const word = argv[index]!
    if (word === 'invite' || word === 'serve') command = word
    else if (word === '--help' || word === '-h' || word === 'help') command = 'help'
    else if (word.startsWith('--')) {
      const [name, inline] = word.split('=', 2) as [string, string | undefined]
      const value = inline ?? argv[++index]
      if (value === undefined) return { error: `${name} needs a value` }
      flags.set(name, value)
    } else return { error: `unknown argument "${word}"` }
  }
  return { command, flags }
}

export type ConfigRead =
  { ok: true; config: RelayConfig } | { ok: false; missing: string[]; invalid: string[] }

function setting(env: Environment, flags: Map<string, string>, key: keyof typeof relayVariables) {
  const flag = flagOf[key]
  const fromFlag = flag ? flags.get(flag) : undefined
  const value = fromFlag ?? env[relayVariables[key]]
  return value === undefined || value.trim() === '' ? undefined : value.trim()
}

/** `needs`: what the command cannot run without (inviting needs no secrets). */
export function readRelayConfig(
  env: Environment,
  flags: Map<string, string> = new Map(),
  needs: 'serve' | 'invite' = 'serve',
): ConfigRead {
  const get = (key: keyof typeof relayVariables) => setting(env, flags, key)
  const required: (keyof typeof relayVariables)[] =
    needs === 'serve'
      ? ['dataDir', 'appSecret', 'verifyToken', 'accessToken', 'phoneNumberId']
      : ['dataDir', 'phoneNumberId']
  const missing = required.filter((key) => get(key) === undefined).map((key) => relayVariables[key])
  const invalid: string[] = []
  const portText = get('port')
  const port = portText === undefined ? defaultRelayPort : Number(portText)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    invalid.push(`${relayVariables.port} must be a port number (0 to 65535)`)
  }
  const graphUrl = get('graphUrl') ?? defaultGraphUrl
  if (!/^https?:\/\/[^\s/]+/.test(graphUrl))
    invalid.push(`${relayVariables.graphUrl} must be an http(s) address`)
  const apiVersion = get('apiVersion') ?? defaultApiVersion
  if (!/^v\d+\.\d+$/.test(apiVersion)) invalid.push(`${relayVariables.apiVersion} looks like v24.0`)
  if (missing.length > 0 || invalid.length > 0) return { ok: false, missing, invalid }
  return {
    ok: true,
    config: {
      host: get('host') ?? '127.0.0.1',
      port,
      dataDir: get('dataDir')!,
      appSecret: get('appSecret') ?? '',
      verifyToken: get('verifyToken') ?? '',
      accessToken: get('accessToken') ?? '',
      phoneNumberId: get('phoneNumberId')!,
      businessAccountId: get('businessAccountId') ?? null,
      graphUrl,
      apiVersion,
    },
  }
}

export function describeConfigProblems(read: { missing: string[]; invalid: string[] }): string {
  const lines = ['The Kedai relay cannot start:']
  if (read.missing.length > 0) lines.push(`  missing: ${read.missing.join(', ')}`)
  for (const problem of read.invalid) lines.push(`  ${problem}`)
  lines.push('Set them in the environment (see docs/relay.md).')
  return lines.join('\n')
}
