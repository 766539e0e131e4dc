/**
 * The vault: the shop's SQLite file and the keys that open its sealed fields. It is created
 * once (shop name and passphrase), then locked or unlocked; while locked no sealed field can be
 * read or written and no key is in memory. A file that cannot be opened leaves the vault
 * `damaged`, offering the latest backup instead of crashing or starting empty.
 */
import {
  copyFileSync,
  mkdirSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BridgeFailure } from '../../../src-shared/bridge/errors'
import {
  maximumPassphraseLength,
  minimumPassphraseLength,
} from '../../../src-shared/vault/passphrase'
import type { TamperReport, VaultStatus } from '../../../src-shared/vault/vault-status'
import { createLogger } from '../logger'
import { openDatabase, type Db } from '../store/database'
import { DatabaseFromTheFuture, migrate, schemaVersion } from '../store/migrate'
import { latestVersion } from '../store/migrations'
import { backupsDir, listBackups, pruneBackups, writeBackup } from './backups'
import {
  createDataKey,
  currentKdf,
  unwrapWithPassphrase,
  wrapWithPassphrase,
  type KdfParams,
  type WrappedKey,
} from './keyring'
import { noKeychain, type Keychain } from './keychain'
import { createSealer, TamperedField, type Sealer } from './sealer'
import { loadSodium, type Sodium } from './sodium'

const log = createLogger('vault')

export const databaseFileName = 'kedai.db'
const dataKeyId = 1

export interface VaultOptions {
  dataDir: string
  nativeBinding?: string
  keychain?: Keychain
  /** Tests lower it; real vaults use `currentKdf`. */
  kdf?: KdfParams
  backupsToKeep?: number
  now?: () => number
}

/** What is open while the vault is unlocked. */
export interface OpenShop {
  readonly db: Db
  readonly sealer: Sealer
  /** Reads a sealed field; a field that does not open is reported and read as null. */
  open(
    table: string,
    column: string,
    rowId: string,
    sealed: Uint8Array | null,
    where?: Partial<TamperReport>,
  ): string | null
}

export class Vault {
  private db: Db | null = null
  private sealer: Sealer | null = null
  private shopName: string | null = null
  private damage: string | null = null
  private readonly tampered = new Map<string, TamperReport>()
  private readonly listeners = new Set<(status: VaultStatus) => void>()

  private constructor(
    private readonly sodium: Sodium,
    private readonly options: VaultOptions & { keychain: Keychain; now: () => number },
  ) {}

  static async open(options: VaultOptions): Promise<Vault> {
    const sodium = await loadSodium()
    const vault = new Vault(sodium, {
      ...options,
      keychain: options.keychain ?? noKeychain,
      now: options.now ?? Date.now,
    })
    vault.openFile()
    return vault
  }

  get path(): string {
    return join(this.options.dataDir, databaseFileName)
  }

  private openFile(): void {
    mkdirSync(this.options.dataDir, { recursive: true })
    try {
      const db = openDatabase(this.path, { nativeBinding: this.options.nativeBinding })
      try {
        const check = db.pragma('quick_check(1)', { simple: true })
        if (check !== 'ok')
          throw new Error(`the database failed its integrity check (${String(check)})`)
        migrate(db)
      } catch (cause) {
        db.close()
        throw cause
      }
      this.db = db
      this.damage = null
    } catch (cause) {
      this.db = null
      this.damage =
        cause instanceof DatabaseFromTheFuture
          ? cause.message
          : `The shop's data file could not be opened (${cause instanceof Error ? cause.message : String(cause)}).`
      log.error('the database could not be opened', cause)
    }
  }

  onChange(listener: (status: VaultStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private changed(): VaultStatus {
    const status = this.statusSync()
    for (const listener of this.listeners) listener(status)
    return status
  }

  private statusSync(
    remembered = this.isRemembered(),
  ): Omit<VaultStatus, 'keychain'> & { keychain: VaultStatus['keychain'] } {
    const latest = listBackups(this.options.dataDir)[0]
    return {
      state: this.damage
        ? 'damaged'
        : !this.hasKeyring()
          ? 'new'
          : this.sealer
            ? 'unlocked'
            : 'locked',
      shopName: this.sealer ? this.shopName : null,
      damage: this.damage,
      latestBackup: latest ? { fileName: latest.fileName, createdAt: latest.createdAt } : null,
      remembered,
      keychain: { available: false, reason: null },
    }
  }

  async status(): Promise<VaultStatus> {
    return { ...this.statusSync(), keychain: await this.options.keychain.availability() }
  }

  private hasKeyring(): boolean {
    return Boolean(this.db?.prepare("SELECT 1 FROM keyring WHERE purpose = 'passphrase'").get())
  }

  private isRemembered(): boolean {
    return Boolean(this.db?.prepare("SELECT 1 FROM keyring WHERE purpose = 'os-keychain'").get())
  }

  private requireDb(): Db {
    if (!this.db) throw new BridgeFailure('VAULT_LOCKED', this.damage ?? 'The vault is not open.')
    return this.db
  }

  /** The open shop, or VAULT_LOCKED: every feature that touches sealed data goes through here. */
  shop(): OpenShop {
    const db = this.requireDb()
    const sealer = this.sealer
    if (!sealer)
      throw new BridgeFailure('VAULT_LOCKED', 'Kedai is locked. Unlock it with your passphrase.')
    return {
      db,
      sealer,
      open: (table, column, rowId, sealed, where = {}) => {
        if (sealed === null) return null
        try {
          return sealer.open(table, column, rowId, sealed)
        } catch (cause) {
          if (!(cause instanceof TamperedField)) throw cause
          this.reportTampered({
            table,
            column,
            rowId,
            conversationId: where.conversationId ?? null,
            messageId: where.messageId ?? null,
          })
          return null
        }
      },
    }
  }

  private reportTampered(report: TamperReport): void {
    const key = `${report.table}/${report.rowId}/${report.column}`
    if (this.tampered.has(key)) return
    this.tampered.set(key, report)
    log.warn(`a sealed field did not open: ${report.table}.${report.column} row ${report.rowId}`)
  }

  tamperReports(): TamperReport[] {
    return [...this.tampered.values()]
  }

  create(shopName: string, passphrase: string): VaultStatus {
    const db = this.requireDb()
    if (this.hasKeyring())
      throw new BridgeFailure(
        'INVALID_INPUT',
        'This computer already has a shop. Unlock it instead.',
      )
    checkPassphrase(passphrase)
    const name = shopName.trim()
    if (!name) throw new BridgeFailure('INVALID_INPUT', 'Give your shop a name.')
    const dataKey = createDataKey(this.sodium)
    try {
      const wrapped = wrapWithPassphrase(
        this.sodium,
        dataKey,
        passphrase,
        dataKeyId,
        this.options.kdf ?? currentKdf,
      )
      const sealer = createSealer(this.sodium, dataKey, dataKeyId)
      const at = this.options.now()
      db.transaction(() => {
        storeWrappedKey(db, 'passphrase', wrapped, at)
        db.prepare('INSERT INTO shop (id, name_sealed, created_at) VALUES (?, ?, ?)').run(
          'shop',
          sealer.seal('shop', 'name', 'shop', name),
          at,
        )
      })()
      this.sealer = sealer
      this.shopName = name
    } finally {
      this.sodium.memzero(dataKey)
    }
    return this.changed()
  }

  /** Renames the open shop (a device joining a shop takes the shop's name from its secret). */
  renameShop(shopName: string): VaultStatus {
    const db = this.requireDb()
    const sealer = this.sealer
    if (!sealer) throw new BridgeFailure('VAULT_LOCKED', 'The shop is locked. Unlock it first.')
    const name = shopName.trim()
    if (!name) throw new BridgeFailure('INVALID_INPUT', 'Give your shop a name.')
    db.prepare('UPDATE shop SET name_sealed = ? WHERE id = ?').run(
      sealer.seal('shop', 'name', 'shop', name),
      'shop',
    )
    this.shopName = name
    return this.changed()
  }

  unlock(passphrase: string): VaultStatus {
    const db = this.requireDb()
    if (this.sealer) return this.changed()
    const stored = readWrappedKey(db, 'passphrase')
    if (!stored)
      throw new BridgeFailure(
        'NOT_FOUND',
        'There is no shop on this computer yet. Create one first.',
      )
    const dataKey = unwrapWithPassphrase(this.sodium, stored, passphrase)
    if (!dataKey)
      throw new BridgeFailure(
        'WRONG_PASSPHRASE',
        'That passphrase is not right. Nothing was changed; try again.',
      )
    this.openWithKey(db, dataKey, stored.keyId)
    return this.changed()
  }

  /** Unlocks with the copy of the data key kept by the OS keychain, if the owner asked for it. */
  async unlockRemembered(): Promise<boolean> {
    const db = this.db
    if (!db || this.sealer) return false
    const stored = readWrappedKey(db, 'os-keychain')
    if (!stored) return false
    const { available } = await this.options.keychain.availability()
    if (!available) return false
    let dataKey: Uint8Array
    try {
      dataKey = await this.options.keychain.decrypt(stored.wrapped)
    } catch (cause) {
      log.warn('the keychain could not open the remembered key', cause)
      return false
    }
    this.openWithKey(db, dataKey, stored.keyId)
    this.changed()
    return true
  }

  private openWithKey(db: Db, dataKey: Uint8Array, keyId: number): void {
    try {
      const sealer = createSealer(this.sodium, dataKey, keyId)
      const row = db.prepare('SELECT name_sealed FROM shop WHERE id = ?').get('shop') as
        { name_sealed: Buffer } | undefined
      let name: string | null = null
      try {
        name = row ? sealer.open('shop', 'name', 'shop', row.name_sealed) : null
      } catch {
        this.reportTampered({
          table: 'shop',
          column: 'name',
          rowId: 'shop',
          conversationId: null,
          messageId: null,
        })
      }
      this.sealer = sealer
      this.shopName = name
    } finally {
      this.sodium.memzero(dataKey)
    }
  }

  lock(): VaultStatus {
    if (this.sealer) {
      this.sealer.wipe()
      this.sealer = null
      this.shopName = null
      this.tampered.clear()
    }
    return this.changed()
  }

  get unlocked(): boolean {
    return this.sealer !== null
  }

  /** Rewraps the data key under the new passphrase; no sealed field is touched. */
  changePassphrase(current: string, next: string): void {
    const db = this.requireDb()
    checkPassphrase(next)
    const stored = readWrappedKey(db, 'passphrase')
    if (!stored) throw new BridgeFailure('NOT_FOUND', 'There is no shop on this computer yet.')
    const dataKey = unwrapWithPassphrase(this.sodium, stored, current)
    if (!dataKey)
      throw new BridgeFailure(
        'WRONG_PASSPHRASE',
        'The current passphrase is not right. Nothing was changed.',
      )
    try {
      const wrapped = wrapWithPassphrase(
        this.sodium,
        dataKey,
        next,
        stored.keyId,
        this.options.kdf ?? currentKdf,
      )
      storeWrappedKey(db, 'passphrase', wrapped, this.options.now())
    } finally {
      this.sodium.memzero(dataKey)
    }
  }

  /** "Remember on this computer": a second copy of the data key, wrapped by the OS keychain. */
  async setRemembered(remember: boolean, passphrase: string): Promise<VaultStatus> {
    const db = this.requireDb()
    if (!remember) {
      db.prepare("DELETE FROM keyring WHERE purpose = 'os-keychain'").run()
      return this.changed()
    }
    const availability = await this.options.keychain.availability()
    if (!availability.available)
      throw new BridgeFailure('INVALID_INPUT', availability.reason ?? 'No keychain here.')
    const stored = readWrappedKey(db, 'passphrase')
    const dataKey = stored ? unwrapWithPassphrase(this.sodium, stored, passphrase) : null
    if (!stored || !dataKey)
      throw new BridgeFailure(
        'WRONG_PASSPHRASE',
        'That passphrase is not right. Nothing was changed.',
      )
    try {
      const sealed = await this.options.keychain.encrypt(dataKey)
      storeWrappedKey(
        db,
        'os-keychain',
        { keyId: stored.keyId, kdf: null, salt: null, nonce: null, wrapped: sealed },
        this.options.now(),
      )
    } finally {
      this.sodium.memzero(dataKey)
    }
    return this.changed()
  }

  /** On a clean close: a fresh backup, and only the newest few kept. */
  async backupOnClose(): Promise<string | null> {
    if (!this.db || !this.hasKeyring()) return null
    const path = await writeBackup(this.db, this.options.dataDir, this.options.now())
    pruneBackups(this.options.dataDir, this.options.backupsToKeep ?? 5)
    return path
  }

  /** A backup file's bytes, for the owner to save where they choose. */
  async exportBackup(): Promise<{ fileName: string; bytes: Buffer }> {
    const db = this.requireDb()
    const dir = mkdtempSync(join(tmpdir(), 'kedai-export-'))
    try {
      const at = this.options.now()
      const path = join(dir, 'export.db')
      await db.backup(path)
      const stamp = new Date(at).toISOString().slice(0, 10)
      return { fileName: `kedai-backup-${stamp}.db`, bytes: readFileSync(path) }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }

  /**
   * Replaces the shop's data with a backup, after checking it opens, is whole, is not from a
   * newer Kedai, and unlocks with the passphrase given. The replaced file is kept beside the
   * backups, never deleted.
   */
  restore(bytes: Uint8Array, passphrase: string): VaultStatus {
    const dir = mkdtempSync(join(tmpdir(), 'kedai-restore-'))
    try {
      const candidate = join(dir, 'candidate.db')
      writeFileSync(candidate, bytes)
      this.checkCandidate(candidate, passphrase)
      this.replaceWith(candidate)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    const status = this.unlock(passphrase)
    return status
  }

  /** For a damaged vault: put the newest backup in place; the damaged file is kept aside. */
  restoreLatestBackup(): VaultStatus {
    const latest = listBackups(this.options.dataDir)[0]
    if (!latest)
      throw new BridgeFailure('NOT_FOUND', 'There is no backup on this computer to restore.')
    const dir = mkdtempSync(join(tmpdir(), 'kedai-restore-'))
    try {
      const candidate = join(dir, 'candidate.db')
      copyFileSync(latest.path, candidate)
      this.checkCandidate(candidate, null)
      this.replaceWith(candidate)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    return this.changed()
  }

  private checkCandidate(path: string, passphrase: string | null): void {
    let db: Db
    try {
      db = openDatabase(path, { nativeBinding: this.options.nativeBinding, readonly: true })
    } catch {
      throw new BridgeFailure(
        'INVALID_INPUT',
        'That file is not a Kedai backup. Nothing was changed.',
      )
    }
    try {
      if (db.pragma('quick_check(1)', { simple: true }) !== 'ok') {
        throw new BridgeFailure('INVALID_INPUT', 'That backup is damaged. Nothing was changed.')
      }
      const version = schemaVersion(db)
      if (version > latestVersion) {
        throw new BridgeFailure('INVALID_INPUT', new DatabaseFromTheFuture(version).message)
      }
      const stored = readWrappedKeySafe(db)
      if (!stored)
        throw new BridgeFailure(
          'INVALID_INPUT',
          'That file is not a Kedai backup. Nothing was changed.',
        )
      if (passphrase !== null) {
        const key = unwrapWithPassphrase(this.sodium, stored, passphrase)
        if (!key) {
          throw new BridgeFailure(
            'WRONG_PASSPHRASE',
            "That is not the backup's passphrase. Nothing was changed.",
          )
        }
        this.sodium.memzero(key)
      }
    } catch (cause) {
      if (cause instanceof BridgeFailure) throw cause
      throw new BridgeFailure(
        'INVALID_INPUT',
        'That file is not a Kedai backup. Nothing was changed.',
      )
    } finally {
      db.close()
    }
  }

  private replaceWith(candidate: string): void {
    this.lock()
    this.db?.close()
    this.db = null
    const at = this.options.now()
    if (existsSync(this.path)) {
      mkdirSync(backupsDir(this.options.dataDir), { recursive: true })
      const aside = join(
        backupsDir(this.options.dataDir),
        `replaced-${new Date(at).toISOString().replace(/[-:.]/g, '')}.db`,
      )
      copyFileSync(this.path, aside)
    }
    for (const suffix of ['-wal', '-shm']) rmSync(`${this.path}${suffix}`, { force: true })
    copyFileSync(candidate, `${this.path}.restoring`)
    renameSync(`${this.path}.restoring`, this.path)
    this.openFile()
  }

  /**
   * Lets go of the data file at once, as a power cut would: no backup, nothing waited for. Work
   * in flight fails at its next write; SQLite keeps only what was committed (the simulation).
   */
  abandon(): void {
    this.lock()
    this.db?.close()
    this.db = null
  }

  async close(): Promise<void> {
    try {
      await this.backupOnClose()
    } catch (cause) {
      log.error('the backup on close failed', cause)
    }
    this.lock()
    this.db?.close()
    this.db = null
  }
}

function checkPassphrase(passphrase: string): void {
  const length = [...passphrase].length
  if (length < minimumPassphraseLength) {
    throw new BridgeFailure(
      'INVALID_INPUT',
      `Use at least ${minimumPassphraseLength} characters for the passphrase.`,
    )
  }
  if (length > maximumPassphraseLength) {
    throw new BridgeFailure(
      'INVALID_INPUT',
      `Use at most ${maximumPassphraseLength} characters for the passphrase.`,
    )
  }
}

interface KeyringRow {
  key_id: number
  kdf: string | null
  ops_limit: number | null
  mem_limit: number | null
  salt: Buffer | null
  nonce: Buffer | null
  wrapped_key: Buffer
}

type StoredKey = Omit<WrappedKey, 'kdf' | 'salt' | 'nonce'> & {
  kdf: KdfParams | null
  salt: Uint8Array | null
  nonce: Uint8Array | null
}

function storeWrappedKey(
  db: Db,
  purpose: 'passphrase' | 'os-keychain',
  key: StoredKey,
  at: number,
): void {
  db.prepare(
    `INSERT INTO keyring (purpose, key_id, kdf, ops_limit, mem_limit, salt, nonce, wrapped_key, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (purpose) DO UPDATE SET key_id = excluded.key_id, kdf = excluded.kdf,
       ops_limit = excluded.ops_limit, mem_limit = excluded.mem_limit, salt = excluded.salt,
       nonce = excluded.nonce, wrapped_key = excluded.wrapped_key, created_at = excluded.created_at`,
  ).run(
    purpose,
    key.keyId,
    key.kdf?.algorithm ?? null,
    key.kdf?.opsLimit ?? null,
    key.kdf?.memLimitBytes ?? null,
    key.salt ? Buffer.from(key.salt) : null,
    key.nonce ? Buffer.from(key.nonce) : null,
    Buffer.from(key.wrapped),
    at,
  )
}

function readWrappedKey(db: Db, purpose: 'passphrase' | 'os-keychain'): WrappedKey | null {
  const row = db.prepare('SELECT * FROM keyring WHERE purpose = ?').get(purpose) as
    KeyringRow | undefined
  if (!row) return null
  if (purpose === 'os-keychain') {
    return {
      keyId: row.key_id,
      kdf: currentKdf,
      salt: new Uint8Array(),
      nonce: new Uint8Array(),
      wrapped: row.wrapped_key,
    }
  }
  if (row.kdf !== 'argon2id13' || !row.salt || !row.nonce || !row.ops_limit || !row.mem_limit)
    return null
  return {
    keyId: row.key_id,
    kdf: { algorithm: 'argon2id13', opsLimit: row.ops_limit, memLimitBytes: row.mem_limit },
    salt: row.salt,
    nonce: row.nonce,
    wrapped: row.wrapped_key,
  }
}

function readWrappedKeySafe(db: Db): WrappedKey | null {
  try {
    return readWrappedKey(db, 'passphrase')
  } catch {
    return null
  }
}
