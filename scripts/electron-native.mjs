#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .electron-native/, beside (not over) the Node
// build that tests use. First a prebuilt binary for Electron (no compiler or headers needed),
// then a compile against Electron's headers. Both need the internet once; offline it says why
// and exits non-zero, and the app falls back to browser mode.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
export const nativeDir = join(root, '.electron-native', 'better-sqlite3')
export const electronSqliteBinding = join(nativeDir, 'build', 'Release', 'better_sqlite3.node')

export function electronVersion() {
  return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'))
    .version
}

export function electronAbi() {
  return String(require('node-abi').getAbi(electronVersion(), 'electron'))
}

/** True when the binary registers itself for this ABI (what `nm -D` would show). */
export function isBuiltFor(binding, abi) {
  if (!existsSync(binding)) return false
  return readFileSync(binding).includes(Buffer.from(`node_register_module_v${abi}`))
}

function run(command, args, cwd) {
  const env = { ...process.env }
  // With nodedir set, the build silently targets Node's headers and labels the result Electron.
  delete env.npm_config_nodedir
  delete env.NPM_CONFIG_NODEDIR
  const result = spawnSync(command, args, { cwd, env, stdio: 'inherit', timeout: 300_000 })
  return result.status === 0
}

export function buildElectronSqlite() {
  const abi = electronAbi()
  if (isBuiltFor(electronSqliteBinding, abi)) return { ok: true, binding: electronSqliteBinding }
  const source = dirname(require.resolve('better-sqlite3/package.json'))
  rmSync(nativeDir, { recursive: true, force: true })
  mkdirSync(nativeDir, { recursive: true })
  cpSync(source, nativeDir, {
    recursive: true,
    filter: (path) => !path.includes(`${source}/build`),
  })

  const version = electronVersion()
  const prebuild = join(dirname(require.resolve('prebuild-install/package.json')), 'bin.js')
  const fetched = run(
    process.execPath,
    [prebuild, '--runtime', 'electron', '--target', version, '--verbose'],
    nativeDir,
  )
  if (!fetched || !isBuiltFor(electronSqliteBinding, abi)) {
    const nodeGyp = join(
      dirname(process.execPath),
      '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
    )
    run(
      process.execPath,
      [
        nodeGyp,
        'rebuild',
        '--release',
        `--target=${version}`,
        '--runtime=electron',
        '--dist-url=https://electronjs.org/headers',
      ],
      nativeDir,
    )
  }
  if (isBuiltFor(electronSqliteBinding, abi)) return { ok: true, binding: electronSqliteBinding }
  return {
    ok: false,
    reason:
      "the database module could not be built for Electron (it needs the internet once, to fetch a prebuilt binary or Electron's headers)",
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = buildElectronSqlite()
  if (result.ok) console.log(`better-sqlite3 for Electron: ${result.binding}`)
  else {
    console.error(`Could not prepare Electron: ${result.reason}.`)
    process.exit(1)
  }
}
