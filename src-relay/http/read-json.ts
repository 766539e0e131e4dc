/** Reads a JSON request body and checks it against a schema; answers the error itself when not. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { z } from 'zod'
import { readBody } from './read-body'
import { closeAfter, sendError } from './respond'

export async function readJson<Schema extends z.ZodType>(
  request: IncomingMessage,
  response: ServerResponse,
  schema: Schema,
  limitBytes: number,
): Promise<z.infer<Schema> | undefined> {
  const read = await readBody(request, limitBytes)
  if (!read.ok) {
    if (read.reason === 'tooLarge') {
      closeAfter(response)
      sendError(
        response,
        413,
        'PAYLOAD_TOO_LARGE',
        `A request body may have at most ${limitBytes} bytes.`,
      )
    }
    return undefined
  }
  let value: unknown
  try {
    value = JSON.parse(read.bytes.toString('utf8'))
  } catch {
    sendError(response, 400, 'INVALID_INPUT', 'The body is not JSON.')
    return undefined
  }
  const checked = schema.safeParse(value)
  if (!checked.success) {
    const issue = checked.error.issues[0]
    const where = issue?.path.length ? issue.path.join('.') : 'body'
    sendError(response, 400, 'INVALID_INPUT', `${where}: ${issue?.message ?? 'not valid'}`)
    return undefined
  }
  return checked.data
}
