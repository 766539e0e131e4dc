/**
 * Starts the Cloud API emulator on loopback: the Graph endpoint the relay sends through, signed
 * webhooks to the relay, simulated customers, and a control API for tests and demo mode.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { TemplateCategory } from '../../src-shared/pricing'
import { createSeededRandom } from '../../src-shared/sync/seeded-random'
import { sendJson } from '../http/respond'
import { createLogger } from '../logger'
import type { PersonaName } from './customers/personas'
import type { Language } from './customers/population'
import type { CustomerView } from './customer-book'
import { defaultEmulatorDelays, emulatorDefaults, type EmulatorConfig } from './emulator-config'
import { createGraphEndpoint } from './graph-endpoint'
import { createIdMaker } from './ids'
import { createMediaLibrary, type UploadedMedia } from './media-library'
import { readCustomerState, writeCustomerState } from './customer-state-file'
import { createPlatform, type CustomerWrites, type SentMessage } from './platform'
import { createSimulation } from './simulation'
import { createTemplateCatalog } from './template-catalog'
import { createTemplateReview, demoApprovedTemplates } from './template-review'
import { createWebhookDelivery } from './webhook-delivery'

const log = createLogger('emulator')

export interface Emulator {
  /** The address to use as WHATSAPP_GRAPH_URL. */
  readonly url: string
  readonly port: number
  readonly phoneNumberId: string
  readonly businessAccountId: string
  setWebhookUrl(url: string): void

  /** A customer writes; resolves once the relay acknowledged the webhook. */
  customerWrites(
    input: CustomerWrites,
  ): Promise<{ wamid: string; waId: string; delivered: boolean }>
  /** Six conversations at once: three windows open, one closed, one from an ad, one STOP. */
  firstBatch(): Promise<CustomerView[]>
  newCustomer(
    persona?: PersonaName,
    options?: { country?: string; language?: Language; agoMs?: number },
  ): Promise<CustomerView>
  /** New customers keep coming, one per pace on average. */
  startCustomers(): void
  stopCustomers(): void
  customers(): CustomerView[]

  /** Webhooks the relay acknowledged so far. */
  deliveredWebhooks(): number
  /** Delivers acknowledged webhooks again in the order given: duplicates and reordering. */
  deliverAgain(indexes: readonly number[]): Promise<boolean>
  /** Every message the platform accepted, in order. */
  sentMessages(): SentMessage[]
  /** Every file `POST /{phone-number-id}/media` accepted (its facts, not its bytes), in order. */
  uploadedMedia(): UploadedMedia[]
  /** Send calls received (accepted or refused), mark-as-read excluded. */
  calls(): number
  markedAsRead(): string[]
  /** The next send is accepted but its answer never comes (the connection is cut). */
  dropNextAnswer(times?: number): void
  /** The next send is refused with `code` (at once; `asStatus`: accepted, then a failed status). */
  fail(code: number, options?: { times?: number; asStatus?: boolean }): void
  optOut(waId: string): void
  notOnWhatsApp(waId: string): void
  setTemplateCategory(name: string, category: TemplateCategory): void
  /** Resolves when every submitted template was reviewed and its webhooks acknowledged. */
  templatesReviewed(): Promise<void>

  /** Resolves when every scheduled status was sent and every webhook acknowledged. */
  idle(): Promise<void>
  close(): Promise<void>
}

export async function startEmulator(config: EmulatorConfig): Promise<Emulator> {
  const now = config.now ?? Date.now
  const seed = config.seed ?? emulatorDefaults.seed
  const master = createSeededRandom(seed)
  const random = {
    people: master.fork(),
    content: master.fork(),
    timing: master.fork(),
    ids: master.fork(),
    simulation: master.fork(),
  }
  const ids = createIdMaker(random.ids)
  const number = {
    businessAccountId: config.businessAccountId ?? emulatorDefaults.businessAccountId,
    phoneNumberId: config.phoneNumberId,
    displayPhoneNumber: config.displayPhoneNumber ?? emulatorDefaults.displayPhoneNumber,
  }
  const delays = { ...defaultEmulatorDelays, ...config.delays }
  const delivery = createWebhookDelivery({
    businessAccountId: number.businessAccountId,
    appSecret: config.appSecret,
    url: config.webhookUrl,
  })
  const templates = createTemplateCatalog()
  const media = createMediaLibrary(ids.mediaId)
  for (const [name, category] of Object.entries(config.templates ?? {}))
    templates.set(name, category)

  // The simulation reacts to the platform, which is made first; the hook closes the loop.
  let reached: (
    ...args: Parameters<ReturnType<typeof createSimulation>['onReached']>
  ) => void = () => undefined
  const platform = createPlatform({
    config,
    number,
    delays,
    random,
    ids,
    templates,
    media,
    delivery,
    readProbability: config.readProbability ?? emulatorDefaults.readProbability,
    numberRate: config.numberRate ?? emulatorDefaults.numberRate,
    pairRate: config.pairRate ?? emulatorDefaults.pairRate,
    now,
    onReached: (customer, message, read) => reached(customer, message, read),
  })
  const simulation = createSimulation({
    platform,
    random: random.simulation,
    delays,
    paceMs: config.paceMs ?? emulatorDefaults.paceMs,
    now,
  })
  reached = (customer, message, read) => simulation.onReached(customer, message, read)

  let saved = ''
  const saveState = () => {
    if (!config.stateFile) return
    const customers = platform.savedCustomers()
    const text = JSON.stringify(customers)
    if (text === saved) return
    try {
      writeCustomerState(config.stateFile, customers)
      saved = text
    } catch (cause) {
      log.warn('could not save the emulator customers', cause)
    }
  }
  if (config.stateFile) {
    const restored = readCustomerState(config.stateFile)
    platform.restoreCustomers(restored)
    saved = JSON.stringify(platform.savedCustomers())
  }
  const saving = config.stateFile ? setInterval(saveState, 2000) : undefined
  saving?.unref()

  const review = createTemplateReview({
    catalog: templates,
    deliver: (change) => delivery.deliver(change),
    reviewMs: config.templateReviewMs ?? emulatorDefaults.templateReviewMs,
    now,
    approved: config.approvedTemplates ?? demoApprovedTemplates,
  })
  const graph = createGraphEndpoint({
    accessToken: config.accessToken,
    phoneNumberId: number.phoneNumberId,
    businessAccountId: number.businessAccountId,
    platform,
    templates: review,
    media,
    ids,
  })
  const server = createServer((request, response) => {
    graph(request, response).catch((cause: unknown) => {
      log.error('the Graph endpoint failed', cause)
      sendJson(response, 500, {
        error: { message: 'An unknown error occurred', type: 'OAuthException', code: 1 },
      })
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port ?? 0, config.host ?? '127.0.0.1', () => resolve())
  })
  const address = server.address() as AddressInfo
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`
  log.info(`Cloud API emulator on ${url} (seed ${seed})`)

  let closing: Promise<void> | undefined
  return {
    url,
    port: address.port,
    phoneNumberId: number.phoneNumberId,
    businessAccountId: number.businessAccountId,
    setWebhookUrl: (next) => delivery.setUrl(next),
    customerWrites: (input) => platform.customerWrites(input),
    firstBatch: () => simulation.firstBatch(),
    newCustomer: (persona, options) => simulation.newCustomer(persona, options),
    startCustomers: () => simulation.start(),
    stopCustomers: () => simulation.stop(),
    customers: () => platform.customers(),
    deliveredWebhooks: () => delivery.delivered(),
    deliverAgain: (indexes) => delivery.deliverAgain(indexes),
    sentMessages: () => platform.sentMessages(),
    uploadedMedia: () => media.uploaded(),
    calls: () => platform.sendCalls(),
    markedAsRead: () => platform.markedAsRead(),
    dropNextAnswer: (times) => platform.dropNextAnswer(times),
    fail: (code, options) => platform.fail(code, options),
    optOut: (waId) => platform.optOut(waId),
    notOnWhatsApp: (waId) => platform.notOnWhatsApp(waId),
    setTemplateCategory: (name, category) => templates.set(name, category),
    templatesReviewed: () => review.settled(),
    async idle() {
      await platform.statusesPlayed()
      await delivery.idle()
    },
    close() {
      closing ??= (async () => {
        clearInterval(saving)
        simulation.close()
        review.close()
        platform.close()
        saveState()
        delivery.close()
        await new Promise<void>((resolve) => {
          server.close(() => resolve())
          server.closeAllConnections()
        })
      })()
      return closing
    },
  }
}
