/**
 * Prepared statements, prepared once per database and reused: preparing is a real cost when a
 * bulk import calls the same query thousands of times. Parameters are always bound, never
 * spliced into the SQL.
 */
import type { Statement } from 'better-sqlite3'
import type { Db } from './database'

const prepared = new WeakMap<Db, Map<string, Statement>>()

export function statement(db: Db, sql: string): Statement {
  let cache = prepared.get(db)
  if (!cache) {
    cache = new Map()
    prepared.set(db, cache)
  }
  let found = cache.get(sql)
  if (!found) {
    found = db.prepare(sql)
    cache.set(sql, found)
  }
  return found
}
