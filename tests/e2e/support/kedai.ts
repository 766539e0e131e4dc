/**
 * Starts a real browser-mode Kedai (the built `out/main/web.js`) on a fresh data directory and
 * hands the test its address, token and a stop. The app under test is the one users run.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface RunningKedai {
  url: string
  origin: string
  token: string
  dataDir: string
  stop(): Promise<void>
}

const webEntry = resolve(__dirname, '../../../out/main/web.js')

/** `demo: true` runs demo mode (simulated customers); tests leave it off unless they need it. */
export async function startKedai(
  options: { dataDir?: string; demo?: boolean } = {},
): Promise<RunningKedai> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kedai-e2e-'))
  const child = spawn(
    process.execPath,
    [
      webEntry,
      '--no-open',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      ...(options.demo ? [] : ['--no-demo']),
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, KEDAI_LOG: process.env.KEDAI_LOG ?? 'silent' },
    },
  )
  const url = await readUrl(child)
  const parsed = new URL(url)
  return {
    url,
    origin: parsed.origin,
    token: new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '',
    dataDir,
    async stop() {
      await stopChild(child)
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

function readUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`Kedai did not start: ${output}`)), 20_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Kedai is running at (\S+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolvePromise(match[1])
      }
    })
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`Kedai exited with ${code}: ${output}`))
    })
  })
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolvePromise) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000)
    child.once('exit', () => {
      clearTimeout(force)
      resolvePromise()
    })
    child.kill('SIGTERM')
  })
}
