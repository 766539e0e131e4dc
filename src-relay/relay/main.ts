/**
 * `npm run relay`: runs the relay configured by the environment. `npm run relay -- invite`
 * prints a one-time enrolment code for the shop's first device and exits.
 */
import { createLogger } from '../logger'
import { openSqliteRelayStore } from '../store/sqlite/sqlite-store'
import { createInvite } from './invites'
import { describeConfigProblems, readCommandLine, readRelayConfig } from './read-environment'
import { startRelay } from './start-relay'

const log = createLogger('main')

const usage = `Usage: npm run relay [-- serve|invite] [--port N] [--host H] [--data-dir DIR]
  [--phone-number-id ID] [--business-account-id ID] [--graph-url URL] [--api-version vNN.N]
Secrets (WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN, WHATSAPP_ACCESS_TOKEN) come from the environment only.
`

function print(text: string): void {
  process.stdout.write(`${text}\n`)
}

async function main(): Promise<number> {
  const commandLine = readCommandLine(process.argv.slice(2))
  if ('error' in commandLine) {
    process.stderr.write(`${commandLine.error}\n${usage}`)
    return 2
  }
  if (commandLine.command === 'help') {
    print(usage)
    return 0
  }
  const read = readRelayConfig(process.env, commandLine.flags, commandLine.command)
  if (!read.ok) {
    process.stderr.write(`${describeConfigProblems(read)}\n`)
    return 2
  }
  const config = read.config

  if (commandLine.command === 'invite') {
    const store = openSqliteRelayStore({ dataDir: config.dataDir })
    try {
      const invite = await createInvite(store, {
        phoneNumberId: config.phoneNumberId,
        businessAccountId: config.businessAccountId,
      })
      print(`Enrolment code for phone number ${config.phoneNumberId}: ${invite.code}`)
      print(`Valid once, until ${new Date(invite.expiresAt).toISOString()}.`)
    } finally {
      await store.close()
    }
    return 0
  }

  const relay = await startRelay(config)
  log.info(
    `graph ${config.graphUrl}/${config.apiVersion}, phone number ${config.phoneNumberId}, data in ${config.dataDir}`,
  )
  await new Promise<void>((resolve) => {
    const stop = () => resolve()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  await relay.close()
  return 0
}

main().then(
  (code) => process.exit(code),
  (cause: unknown) => {
    log.error('the relay stopped', cause)
    process.exit(1)
  },
)
