/**
 * `GET /v1/templates` and `POST /v1/templates`: the shop's message templates, asked of the
 * platform on the device's behalf (a desktop never holds the platform's token). The list is every
 * page of `GET /{waba-id}/message_templates`; a submission is passed through as the platform's
 * create request and its answer returned as is. Review outcomes come later as webhooks, through
 * the shop's inbox like every other event.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { readJson } from '../http/read-json'
import { sendError, sendJson } from '../http/respond'
import type { GraphClient } from '../sending/graph-client'
import type { DeviceRecord, ShopRecord } from '../store/relay-store'
import { answerPlatformFailure } from './platform-failure'

export interface TemplateRouteOptions {
  graph: GraphClient
  maxBodyBytes: number
  shopOf(device: DeviceRecord): ShopRecord | undefined
}

/** A shop with hundreds of templates is rare; this bounds a platform that keeps paging. */
const maxPages = 20

const pageSchema = z.looseObject({
  data: z.array(z.unknown()),
  paging: z
    .looseObject({
      cursors: z.looseObject({ after: z.string().optional() }).optional(),
      next: z.string().optional(),
    })
    .optional(),
})

/** The platform's create request: the relay checks the envelope, the platform the rest. */
const createSchema = z.looseObject({
  name: z.string().min(1).max(512),
  language: z.string().min(1).max(20),
  category: z.string().min(1).max(40),
  components: z
    .array(z.looseObject({ type: z.string() }))
    .min(1)
    .max(10),
})

function accountOf(
  response: ServerResponse,
  device: DeviceRecord,
  options: TemplateRouteOptions,
): string | null {
  const shop = options.shopOf(device)
  if (!shop) {
    sendError(response, 404, 'NOT_FOUND', 'This shop is not on this relay.')
    return null
  }
  if (!shop.businessAccountId) {
    sendError(
      response,
      409,
      'NOT_FOUND',
      'The relay does not know this shop’s business account yet; it learns it from the first message.',
    )
    return null
  }
  return shop.businessAccountId
}

export async function handleListTemplates(
  response: ServerResponse,
  device: DeviceRecord,
  options: TemplateRouteOptions,
): Promise<void> {
  const account = accountOf(response, device, options)
  if (!account) return
  const templates: unknown[] = []
  let after: string | undefined
  for (let page = 0; page < maxPages; page++) {
    const answer = await options.graph.getTemplates(account, after)
    if (answer.kind !== 'answered' || answer.status !== 200)
      return answerPlatformFailure(response, answer)
    const read = pageSchema.safeParse(answer.body)
    if (!read.success) {
      return sendError(response, 502, 'PLATFORM_NO_ANSWER', 'The platform’s list did not read.')
    }
    templates.push(...read.data.data)
    after = read.data.paging?.cursors?.after
    if (!read.data.paging?.next || !after) break
  }
  sendJson(response, 200, { templates })
}

export async function handleSubmitTemplate(
  request: IncomingMessage,
  response: ServerResponse,
  device: DeviceRecord,
  options: TemplateRouteOptions,
): Promise<void> {
  const body = await readJson(request, response, createSchema, options.maxBodyBytes)
  if (!body) return
  const account = accountOf(response, device, options)
  if (!account) return
  const answer = await options.graph.postTemplate(account, body)
  if (answer.kind !== 'answered' || answer.status !== 200)
    return answerPlatformFailure(response, answer)
  sendJson(response, 200, answer.body)
}
