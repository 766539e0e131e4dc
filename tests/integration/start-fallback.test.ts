/**
 * `npm start` where Electron cannot run (this machine: no binary, no display) says why in one
 * sentence and serves the same app in the browser. Needs `electron-vite build` first, as
 * `npm test` does.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../..')

describe('npm start without a desktop', () => {
  it('explains itself and opens browser mode', async () => {
    expect(existsSync(join(root, 'out/main/web.js')), 'run `npm run build` first').toBe(true)
    const dataDir = mkdtempSync(join(tmpdir(), 'kedai-start-'))
    const env: NodeJS.ProcessEnv = { ...process.env, KEDAI_LOG: 'silent' }
    delete env.DISPLAY
    delete env.WAYLAND_DISPLAY
    const child = spawn(
      process.execPath,
      ['scripts/start.mjs', '--no-open', '--port', '0', '--data-dir', dataDir],
      { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    try {
      const output = await new Promise<string>((done, fail) => {
        let text = ''
        const timer = setTimeout(() => fail(new Error(`no address printed: ${text}`)), 20_000)
        child.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString()
          if (/running at \S+#token=\S+/.test(text)) {
            clearTimeout(timer)
            done(text)
          }
        })
      })
      const [sentence, address] = output.trim().split('\n')
      expect(sentence).toBe(
        'Kedai cannot open its desktop window here (there is no display), so it is opening in your browser instead.',
      )
      const url = new URL(address!.replace('Kedai is running at ', ''))
      expect(url.hostname).toBe('127.0.0.1')
      const page = await fetch(url.origin)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('<div id="app"></div>')
    } finally {
      child.kill('SIGTERM')
      await new Promise((done) => child.once('exit', done))
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
