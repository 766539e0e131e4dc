#!/usr/bin/env node
// `npm start`: the desktop window where Electron can run, otherwise the same app in the
// browser, with one sentence saying why. Arguments pass through (--data-dir, --profile,
// --port, --no-open).
import { spawn, spawnSync } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** Why the desktop window cannot open here, or null when it can. Checks the cheap things first. */
export async function whyNoDesktop(env = process.env, platform = process.platform) {
  if (env.KEDAI_BROWSER === '1') return 'you asked for browser mode (KEDAI_BROWSER=1)'
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return 'there is no display'
  const electron = electronBinary()
  if (!electron.ok) return electron.reason
  const { buildElectronSqlite } = await import('./electron-native.mjs')
  const sqlite = buildElectronSqlite()
  if (!sqlite.ok) return sqlite.reason
  return null
}

/** Asks the electron package for its binary; it downloads it on first use, which needs the internet. */
export function electronBinary() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 600_000,
  })
  if (probe.status === 0 && probe.stdout) return { ok: true, path: probe.stdout }
  return { ok: false, reason: 'the Electron binary is not installed and could not be downloaded' }
}

function forward(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)))
}

function startBrowserMode(args) {
  forward(spawn(process.execPath, [join(root, 'out/main/web.js'), ...args], { stdio: 'inherit' }))
}

async function main() {
  const args = process.argv.slice(2)
  const reason = await whyNoDesktop()
  if (reason) {
    console.log(
      `Kedai cannot open its desktop window here (${reason}), so it is opening in your browser instead.`,
    )
    startBrowserMode(args)
    return
  }
  const electron = electronBinary()
  const startedAt = Date.now()
  const child = spawn(electron.path, [join(root, 'out/main/index.js'), ...args], {
    stdio: 'inherit',
  })
  child.on('error', () => {
    console.log('Kedai could not start Electron, so it is opening in your browser instead.')
    startBrowserMode(args)
  })
  child.on('exit', (code) => {
    // Electron that dies at once (missing system libraries, no GPU) still leaves the owner an app.
    if (code !== 0 && Date.now() - startedAt < 5_000) {
      console.log(
        `Electron stopped at start (exit ${code}), so Kedai is opening in your browser instead.`,
      )
      startBrowserMode(args)
    } else process.exit(code ?? 0)
  })
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main()
