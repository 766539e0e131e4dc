/**
 * `npm run emulator`: a stand-in for the WhatsApp Cloud API on loopback, posting signed webhooks
 * to a relay (KEDAI_EMULATOR_WEBHOOK_URL) and answering its sends. Point the relay's
 * WHATSAPP_GRAPH_URL at the address it prints. Enrol the shop first: the relay drops events for a
 * phone number no shop has enrolled.
 */
import { createLogger } from '../logger'
import { readEmulatorConfig } from './read-environment'
import { startEmulator } from './start-emulator'

const log = createLogger('emulator-main')

async function main(): Promise<number> {
  const read = readEmulatorConfig(process.env, process.argv.slice(2))
  if (!read.ok) {
    const lines = ['The Kedai emulator cannot start:']
    if (read.missing.length > 0) lines.push(`  missing: ${read.missing.join(', ')}`)
    for (const problem of read.invalid) lines.push(`  ${problem}`)
    process.stderr.write(`${lines.join('\n')}\n`)
    return 2
  }
  const emulator = await startEmulator(read.config)
  process.stdout.write(`Cloud API emulator: WHATSAPP_GRAPH_URL=${emulator.url}\n`)
  if (read.firstBatch) await emulator.firstBatch()
  if (read.customers) emulator.startCustomers()
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve())
    process.once('SIGTERM', () => resolve())
  })
  await emulator.close()
  return 0
}

main().then(
  (code) => process.exit(code),
  (cause: unknown) => {
    log.error('the emulator stopped', cause)
    process.exit(1)
  },
)
