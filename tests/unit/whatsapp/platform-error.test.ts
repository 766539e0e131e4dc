import { describe, expect, it } from 'vitest'
import {
  errorCodeInfo,
  errorReasonInfo,
  errorReasons,
  explainErrorCode,
  parsePlatformError,
  parseSendResponse,
} from '../../../src-shared/whatsapp'

describe('error codes', () => {
  it.each([
    [131047, 'windowClosed', false],
    [131026, 'undeliverable', false],
    [130429, 'rateLimited', true],
    [131056, 'pairRateLimited', true],
    [131049, 'marketingCap', false],
    [131050, 'optedOut', false],
    [131048, 'spamRateLimited', false],
    [132000, 'templateProblem', false],
    [132001, 'templateProblem', false],
    [132005, 'templateProblem', false],
    [132007, 'templateProblem', false],
    [132012, 'templateProblem', false],
    [132015, 'templateProblem', false],
    [132016, 'templateProblem', false],
    [190, 'tokenExpired', false],
    [131030, 'notInAllowList', false],
    [131051, 'unsupportedMessage', false],
    [130472, 'unknown', false],
    [999999, 'unknown', false],
  ])('%i means %s (retried: %s)', (code, reason, retryable) => {
    expect(explainErrorCode(code)).toMatchObject({ code, reason, retryable })
  })

  it('paces only what is retried', () => {
    expect(explainErrorCode(130429).retryAfterMs).toBeGreaterThan(0)
    expect(explainErrorCode(131056).retryAfterMs).toBeGreaterThanOrEqual(6000)
    for (const reason of errorReasons) {
      const info = errorReasonInfo[reason]
      expect(info.retryAfterMs !== null).toBe(info.retryable)
    }
  })

  it('explains every reason and every code, with something the owner can do', () => {
    for (const reason of errorReasons) {
      expect(errorReasonInfo[reason].explanation).not.toBe('')
      expect(errorReasonInfo[reason].ownerAction).not.toBe('')
    }
    for (const code of Object.keys(errorCodeInfo).map(Number)) {
      const explained = explainErrorCode(code)
      expect(explained.explanation).toMatch(/\.$/)
      expect(explained.ownerAction).toMatch(/\.$/)
    }
  })

  it('tells template problems apart while keeping one reason', () => {
    const paused = explainErrorCode(132015)
    const missing = explainErrorCode(132001)
    expect(paused.reason).toBe(missing.reason)
    expect(paused.explanation).not.toBe(missing.explanation)
  })
})

describe('reading an error', () => {
  it('reads the synchronous Graph shape, with subcode and details', () => {
    const body = {
      error: {
        message: '(#131030) Recipient phone number not in allowed list',
        type: 'OAuthException',
        code: 131030,
        error_subcode: 2494010,
        error_data: { messaging_product: 'whatsapp', details: 'Add recipient to the list' },
        fbtrace_id: 'AbCd',
      },
    }
    expect(parsePlatformError(body)).toEqual({
      ok: true,
      error: {
        code: 131030,
        subcode: 2494010,
        reason: 'notInAllowList',
        retryable: false,
        title: null,
        message: '(#131030) Recipient phone number not in allowed list',
        details: 'Add recipient to the list',
        type: 'OAuthException',
        fbtraceId: 'AbCd',
      },
    })
  })

  it('reads the asynchronous webhook shape, and a code sent as a string', () => {
    const read = parsePlatformError({
      code: '131056',
      title: '(Business Account, Consumer Account) pair rate limit hit',
      message: '(Business Account, Consumer Account) pair rate limit hit',
      error_data: { details: 'Message failed to send because there were too many messages' },
      href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
    })
    expect(read).toMatchObject({
      ok: true,
      error: { code: 131056, reason: 'pairRateLimited', retryable: true, subcode: null },
    })
  })

  it.each([
    ['null', null],
    ['a string', 'Internal Server Error'],
    ['an empty object', {}],
    ['an error without code', { error: { message: 'x' } }],
    ['a code that is no number', { code: 'abc' }],
  ])('refuses %s with a reason, never throwing', (_, body) => {
    const read = parsePlatformError(body)
    expect(read).toMatchObject({ ok: false, reason: 'notAnError' })
    expect(read.ok || read.message.length > 0).toBe(true)
  })
})

describe('reading the answer to a send', () => {
  it('reads a message held for quality assessment', () => {
    expect(
      parseSendResponse({
        messaging_product: 'whatsapp',
        contacts: [{ input: 'ID.1502576394655843', user_id: 'ID.1502576394655843' }],
        messages: [{ id: 'wamid.held', message_status: 'held_for_quality_assessment' }],
      }),
    ).toEqual({
      kind: 'accepted',
      wamid: 'wamid.held',
      input: 'ID.1502576394655843',
      waId: null,
      userId: 'ID.1502576394655843',
      messageStatus: 'held_for_quality_assessment',
    })
  })

  it('reads a refusal as the platform error', () => {
    const answer = parseSendResponse({
      error: { message: 'Re-engagement message', type: 'OAuthException', code: 131047 },
    })
    expect(answer).toMatchObject({ kind: 'refused', error: { reason: 'windowClosed' } })
  })

  it.each([
    ['an HTML error page', '<html>502 Bad Gateway</html>'],
    ['an answer without messages', { messaging_product: 'whatsapp', messages: [] }],
    ['an error without code', { error: {} }],
  ])('does not pretend to understand %s', (_, body) => {
    expect(parseSendResponse(body)).toMatchObject({ kind: 'notUnderstood' })
  })
})
