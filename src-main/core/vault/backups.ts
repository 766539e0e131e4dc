/**
 * Backups are copies of the database file made by SQLite's online backup: every sealed field
 * stays sealed and the data key stays wrapped, so a backup is exactly as protected as the vault.
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { BackupInfo } from '../../../src-shared/vault/vault-status'
import type { Db } from '../store/database'

const backupName = /^kedai-(\d{8}T\d{6}\d{3}Z)\.db$/

export function backupsDir(dataDir: string): string {
  return join(dataDir, 'backups')
}

function stamp(at: number): string {
  return new Date(at).toISOString().replace(/[-:.]/g, '')
}

export function listBackups(dataDir: string): (BackupInfo & { path: string })[] {
  let names: string[]
  try {
    names = readdirSync(backupsDir(dataDir))
  } catch {
    return []
  }
  return names
    .filter((name) => backupName.test(name))
    .map((fileName) => {
      const path = join(backupsDir(dataDir), fileName)
      return { fileName, path, createdAt: statSync(path).mtimeMs }
    })
    .sort((a, b) => b.fileName.localeCompare(a.fileName))
}

export async function writeBackup(db: Db, dataDir: string, at: number): Promise<string> {
  mkdirSync(backupsDir(dataDir), { recursive: true })
  const path = join(backupsDir(dataDir), `kedai-${stamp(at)}.db`)
  await db.backup(path)
  return path
}

/** Keeps the newest `keep` automatic backups and deletes the rest. */
export function pruneBackups(dataDir: string, keep: number): void {
  for (const old of listBackups(dataDir).slice(keep)) rmSync(old.path, { force: true })
}
