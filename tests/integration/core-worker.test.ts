/**
 * Core in its worker thread, as both shells run it (the built `out/main/core-worker.js`, so
 * `npm run build` first, as `npm test` does).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startCoreWorker } from '../../src-main/core/worker/core-host'
import type { EventEnvelope } from '../../src-shared/bridge/envelope'
import { fastKdf, passphrase } from '../support/vault'

const workerPath = resolve(__dirname, '../../out/main/core-worker.js')
const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kedai-worker-'))
  dirs.push(dir)
  return dir
}

describe('core in a worker thread', () => {
  it('serves calls, pushes events, and backs up on close', async () => {
    expect(existsSync(workerPath), 'run `npm run build` first').toBe(true)
    const dir = dataDir()
    const core = await startCoreWorker({ workerPath, dataDir: dir, shell: 'browser', kdf: fastKdf })
    const events: EventEnvelope[] = []
    core.subscribe((event) => events.push(event))

    await expect(core.handle({ id: 'a', method: 'app.info', params: {} })).resolves.toMatchObject({
      id: 'a',
      ok: true,
      value: { name: 'Kedai', shell: 'browser' },
    })
    const created = await core.handle({
      id: 'b',
      method: 'vault.create',
      params: { shopName: 'Toko Worker', passphrase },
    })
    expect(created).toMatchObject({
      id: 'b',
      ok: true,
      value: { state: 'unlocked', shopName: 'Toko Worker' },
    })
    expect(events.map((e) => e.event)).toContain('vault.changed')

    await core.close()
    expect(readdirSync(join(dir, 'backups')).some((name) => name.endsWith('.db'))).toBe(true)
  })

  it('keeps two windows that number their calls the same way apart', async () => {
    const core = await startCoreWorker({
      workerPath,
      dataDir: dataDir(),
      shell: 'browser',
      kdf: fastKdf,
    })
    const [first, second] = await Promise.all([
      core.handle({ id: 'c1', method: 'app.info', params: {} }),
      core.handle({ id: 'c1', method: 'preferences.get', params: {} }),
    ])
    expect(first).toMatchObject({ id: 'c1', ok: true, value: { name: 'Kedai' } })
    expect(second).toMatchObject({ id: 'c1', ok: true, value: { theme: 'system' } })
    await core.close()
  })

  it('answers malformed calls without reaching core, and refuses calls after close', async () => {
    const core = await startCoreWorker({
      workerPath,
      dataDir: dataDir(),
      shell: 'browser',
      kdf: fastKdf,
    })
    await expect(core.handle('nonsense')).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    await expect(core.handle({ id: 'x' })).resolves.toMatchObject({
      id: 'x',
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    await core.close()
    await expect(
      core.handle({ id: 'late', method: 'app.info', params: {} }),
    ).resolves.toMatchObject({
      id: 'late',
      ok: false,
    })
  })
})
