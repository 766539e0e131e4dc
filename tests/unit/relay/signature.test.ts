import { describe, expect, it } from 'vitest'
import { checkSignature, signBody } from '../../../src-relay/webhook/signature'
import { answerSubscription } from '../../../src-relay/webhook/subscription'

const secret = 'app-secret'
const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}', 'utf8')

describe('checkSignature', () => {
  it('accepts the HMAC-SHA256 of the raw bytes, in either hex case', () => {
    const signature = signBody(body, secret)
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/)
    expect(checkSignature(body, signature, secret)).toEqual({ ok: true })
    expect(checkSignature(body, `sha256=${signature.slice(7).toUpperCase()}`, secret)).toEqual({
      ok: true,
    })
  })

  it('refuses a tampered byte, another secret, a missing or malformed header', () => {
    const signature = signBody(body, secret)
    const tampered = Buffer.from(body)
    tampered[3] = tampered[3]! ^ 1
    expect(checkSignature(tampered, signature, secret)).toEqual({ ok: false, reason: 'mismatch' })
    expect(checkSignature(body, signBody(body, 'other'), secret)).toEqual({
      ok: false,
      reason: 'mismatch',
    })
    expect(checkSignature(body, undefined, secret)).toEqual({ ok: false, reason: 'missing' })
    expect(checkSignature(body, '', secret)).toEqual({ ok: false, reason: 'missing' })
    expect(checkSignature(body, 'sha1=abcd', secret)).toEqual({ ok: false, reason: 'malformed' })
    expect(checkSignature(body, [signature, signature], secret)).toEqual({
      ok: false,
      reason: 'malformed',
    })
    expect(checkSignature(body, `sha256=${'0'.repeat(63)}`, secret)).toEqual({
      ok: false,
      reason: 'malformed',
    })
  })

  it('signs non-ASCII text over its UTF-8 bytes, which re-serialising would change', () => {
    const raw = Buffer.from('{"text": {"body": "Terima kasih kak 🙏🏽 — ukuran “M”"}}', 'utf8')
    const signature = signBody(raw, secret)
    expect(checkSignature(raw, signature, secret)).toEqual({ ok: true })
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw.toString('utf8'))), 'utf8')
    expect(checkSignature(reserialised, signature, secret).ok).toBe(false)
    // The bytes as Latin-1 text are another body entirely.
    expect(checkSignature(Buffer.from(raw.toString('latin1'), 'utf8'), signature, secret).ok).toBe(
      false,
    )
  })
})

describe('answerSubscription', () => {
  const query = (text: string) => new URLSearchParams(text)
  it('echoes the challenge only for subscribe with the right token', () => {
    expect(
      answerSubscription(query('hub.mode=subscribe&hub.verify_token=T&hub.challenge=42'), 'T'),
    ).toEqual({ ok: true, challenge: '42' })
    expect(
      answerSubscription(query('hub.mode=subscribe&hub.verify_token=t&hub.challenge=42'), 'T'),
    ).toEqual({ ok: false })
    expect(
      answerSubscription(query('hub.mode=other&hub.verify_token=T&hub.challenge=42'), 'T'),
    ).toEqual({ ok: false })
    expect(answerSubscription(query('hub.mode=subscribe&hub.challenge=42'), 'T')).toEqual({
      ok: false,
    })
  })
})
