/** Emulator settings from the environment; flags mirror the settings that are not secret. */
import type { Environment } from '../relay/read-environment'
import type { EmulatorConfig } from './emulator-config'

export const emulatorVariables = {
  port: 'KEDAI_EMULATOR_PORT',
  host: 'KEDAI_EMULATOR_HOST',
  webhookUrl: 'KEDAI_EMULATOR_WEBHOOK_URL',
  seed: 'KEDAI_EMULATOR_SEED',
  paceMs: 'KEDAI_EMULATOR_PACE_MS',
  firstBatch: 'KEDAI_EMULATOR_FIRST_BATCH',
  appSecret: 'WHATSAPP_APP_SECRET',
  accessToken: 'WHATSAPP_ACCESS_TOKEN',
  phoneNumberId: 'WHATSAPP_PHONE_NUMBER_ID',
  businessAccountId: 'WHATSAPP_BUSINESS_ACCOUNT_ID',
} as const

const flags: Partial<Record<keyof typeof emulatorVariables, string>> = {
  port: '--port',
  host: '--host',
  webhookUrl: '--webhook-url',
  seed: '--seed',
  paceMs: '--pace-ms',
  phoneNumberId: '--phone-number-id',
  businessAccountId: '--business-account-id',
}

export const defaultEmulatorPort = 8788

export type EmulatorRead =
  | { ok: true; config: EmulatorConfig; firstBatch: boolean; customers: boolean }
  | { ok: false; missing: string[]; invalid: string[] }

export function readEmulatorConfig(env: Environment, argv: readonly string[]): EmulatorRead {
  const given = new Map<string, string>()
  const switches = new Set<string>()
  for (let index = 0; index < argv.length; index += 1) {
    const word = argv[index]!
    if (word === '--first-batch' || word === '--no-customers') switches.add(word)
    else if (word.startsWith('--')) {
      const [name, inline] = word.split('=', 2) as [string, string | undefined]
      given.set(name, inline ?? argv[++index] ?? '')
    }
  }
  const get = (key: keyof typeof emulatorVariables) => {
    const flag = flags[key]
    const value = (flag ? given.get(flag) : undefined) ?? env[emulatorVariables[key]]
    return value === undefined || value.trim() === '' ? undefined : value.trim()
  }
  const missing = (['webhookUrl', 'appSecret', 'accessToken', 'phoneNumberId'] as const)
    .filter((key) => get(key) === undefined)
    .map((key) => emulatorVariables[key])
  const invalid: string[] = []
  const number = (key: keyof typeof emulatorVariables, fallback: number) => {
    const text = get(key)
    const value = text === undefined ? fallback : Number(text)
    if (!Number.isInteger(value) || value < 0)
      invalid.push(`${emulatorVariables[key]} must be a whole number`)
    return value
  }
  const port = number('port', defaultEmulatorPort)
  const seed = number('seed', 62)
  const paceMs = number('paceMs', 60_000)
  if (missing.length > 0 || invalid.length > 0) return { ok: false, missing, invalid }
  return {
    ok: true,
    firstBatch: switches.has('--first-batch') || get('firstBatch') === '1',
    customers: !switches.has('--no-customers'),
    config: {
      host: get('host') ?? '127.0.0.1',
      port,
      webhookUrl: get('webhookUrl')!,
      appSecret: get('appSecret')!,
      accessToken: get('accessToken')!,
      phoneNumberId: get('phoneNumberId')!,
      ...(get('businessAccountId') ? { businessAccountId: get('businessAccountId')! } : {}),
      seed,
      paceMs,
    },
  }
}
