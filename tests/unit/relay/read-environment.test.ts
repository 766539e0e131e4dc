import { describe, expect, it } from 'vitest'
import { readEmulatorConfig } from '../../../src-relay/emulator/read-environment'
import {
  describeConfigProblems,
  readCommandLine,
  readRelayConfig,
} from '../../../src-relay/relay/read-environment'

const complete = {
  KEDAI_RELAY_DATA_DIR: '/var/lib/kedai-relay',
  WHATSAPP_APP_SECRET: 'secret-app-value',
  WHATSAPP_VERIFY_TOKEN: 'secret-verify-value',
  WHATSAPP_ACCESS_TOKEN: 'secret-access-value',
  WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
}

describe('the relay configuration', () => {
  it('names every missing variable at once, and never a value', () => {
    const read = readRelayConfig({ WHATSAPP_APP_SECRET: 'secret-app-value' })
    expect(read).toEqual({
      ok: false,
      missing: [
        'KEDAI_RELAY_DATA_DIR',
        'WHATSAPP_VERIFY_TOKEN',
        'WHATSAPP_ACCESS_TOKEN',
        'WHATSAPP_PHONE_NUMBER_ID',
      ],
      invalid: [],
    })
    if (read.ok) throw new Error('expected a refusal')
    const text = describeConfigProblems(read)
    expect(text).toContain('WHATSAPP_VERIFY_TOKEN')
    expect(text).not.toContain('secret-app-value')
  })

  it('has defaults for the Graph address, the API version, the host and the port', () => {
    const read = readRelayConfig(complete)
    expect(read).toMatchObject({
      ok: true,
      config: {
        host: '127.0.0.1',
        port: 8787,
        graphUrl: 'https://graph.facebook.com',
        apiVersion: 'v24.0',
        businessAccountId: null,
      },
    })
  })

  it('takes flags for settings that are not secret, over the environment', () => {
    const line = readCommandLine([
      '--port',
      '9000',
      '--data-dir=/tmp/r',
      '--graph-url',
      'http://127.0.0.1:8788',
    ])
    if ('error' in line) throw new Error(line.error)
    expect(line.command).toBe('serve')
    const read = readRelayConfig(complete, line.flags)
    expect(read).toMatchObject({
      ok: true,
      config: { port: 9000, dataDir: '/tmp/r', graphUrl: 'http://127.0.0.1:8788' },
    })
  })

  it('refuses a bad port, address or version, and needs only the data dir and number to invite', () => {
    const read = readRelayConfig({
      ...complete,
      KEDAI_RELAY_PORT: 'eighty',
      WHATSAPP_API_VERSION: '24',
    })
    expect(read.ok).toBe(false)
    if (!read.ok) expect(read.invalid).toHaveLength(2)
    const invite = readCommandLine(['invite'])
    if ('error' in invite) throw new Error(invite.error)
    expect(invite.command).toBe('invite')
    expect(
      readRelayConfig(
        { KEDAI_RELAY_DATA_DIR: '/d', WHATSAPP_PHONE_NUMBER_ID: '1' },
        invite.flags,
        'invite',
      ).ok,
    ).toBe(true)
    expect(readCommandLine(['--port'])).toEqual({ error: '--port needs a value' })
    expect(readCommandLine(['bogus'])).toEqual({ error: 'unknown argument "bogus"' })
  })
})

describe('the emulator configuration', () => {
  it('needs the relay webhook, the app secret, the token and the number', () => {
    const read = readEmulatorConfig({}, [])
    expect(read).toMatchObject({
      ok: false,
      missing: [
        'KEDAI_EMULATOR_WEBHOOK_URL',
        'WHATSAPP_APP_SECRET',
        'WHATSAPP_ACCESS_TOKEN',
        'WHATSAPP_PHONE_NUMBER_ID',
      ],
    })
    const ok = readEmulatorConfig(
      {
        KEDAI_EMULATOR_WEBHOOK_URL: 'http://127.0.0.1:8787/webhook',
        WHATSAPP_APP_SECRET: 's',
        WHATSAPP_ACCESS_TOKEN: 't',
        WHATSAPP_PHONE_NUMBER_ID: '1',
        KEDAI_EMULATOR_SEED: '7',
      },
      ['--pace-ms', '5000', '--first-batch'],
    )
    expect(ok).toMatchObject({
      ok: true,
      firstBatch: true,
      customers: true,
      config: { port: 8788, seed: 7, paceMs: 5000 },
    })
  })
})
