#!/usr/bin/env node
// The layering rule of docs/architecture.md as a check: every import in src-* is classified by
// the folder it lives in and the folder (or kind of module) it reaches, and forbidden pairs fail.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Which layers each layer may import. `node` is Node's built-ins, `npm` any other package,
 * `manifest` the root package.json (for the version).
 */
export const allowed = {
  shared: ['shared', 'npm'],
  core: ['core', 'shared', 'node', 'npm', 'manifest'],
  app: ['app', 'core', 'shared', 'node', 'npm', 'electron'],
  preload: ['preload', 'shared', 'electron'],
  web: ['web', 'core', 'shared', 'node', 'npm'],
  renderer: ['renderer', 'shared', 'npm'],
  relay: ['relay', 'shared', 'node', 'npm', 'manifest'],
}

const layerFolders = [
  ['src-shared', 'shared'],
  ['src-main/core', 'core'],
  ['src-main/app', 'app'],
  ['src-main/preload', 'preload'],
  ['src-main/web', 'web'],
  ['src-renderer', 'renderer'],
  ['src-relay', 'relay'],
]

const nodeBuiltins = new Set(builtinModules)
const sourceFile = /\.(ts|mts|cts|vue|js|mjs)$/
const importPattern =
  /(?:\bimport\s+(?:type\s+)?(?:[\w*${}\s,]+\s+from\s+)?|\bexport\s+(?:type\s+)?[\w*${}\s,]+\s+from\s+|\bimport\s*\(\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g

export function layerOfFile(root, file) {
  const path = relative(root, file).split(sep).join('/')
  for (const [folder, layer] of layerFolders) if (path.startsWith(`${folder}/`)) return layer
  return null
}

function layerOfImport(root, file, specifier) {
  if (specifier.startsWith('.')) {
    const target = resolve(dirname(file), specifier)
    if (target === join(root, 'package.json')) return 'manifest'
    return layerOfFile(root, target) ?? 'outside'
  }
  if (specifier === 'electron' || specifier.startsWith('electron/')) return 'electron'
  const bare = specifier.replace(/^node:/, '').split('/')[0]
  if (specifier.startsWith('node:') || nodeBuiltins.has(bare)) return 'node'
  return 'npm'
}

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* sourceFiles(path)
    else if (sourceFile.test(name)) yield path
  }
}

/** Every forbidden import under `root`, as `{file, line, specifier, from, to}`. */
export function findLayeringViolations(root) {
  const violations = []
  for (const [folder] of layerFolders) {
    const dir = join(root, folder)
    let exists = false
    try {
      exists = statSync(dir).isDirectory()
    } catch {
      exists = false
    }
    if (!exists) continue
    for (const file of sourceFiles(dir)) {
      const from = layerOfFile(root, file)
      const text = readFileSync(file, 'utf8')
      for (const match of text.matchAll(importPattern)) {
        const specifier = match[1]
        const to = layerOfImport(root, file, specifier)
        if (allowed[from].includes(to)) continue
        const line = text.slice(0, match.index).split('\n').length
        violations.push({ file: relative(root, file), line, specifier, from, to })
      }
    }
  }
  return violations
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'))
  const violations = findLayeringViolations(root)
  for (const v of violations) {
    console.error(`${v.file}:${v.line}: ${v.from} may not import ${v.to} ("${v.specifier}")`)
  }
  if (violations.length > 0) {
    console.error(`${violations.length} layering violation(s); see docs/architecture.md.`)
    process.exit(1)
  }
  console.log('layering: every import follows docs/architecture.md')
}
