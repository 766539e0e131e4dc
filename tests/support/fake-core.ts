/** A real core on a temporary data directory, with a record of which handlers ran. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core } from '../../src-main/core/core'
import type { CoreHandlers } from '../../src-shared/bridge/contract'

export interface WatchedCore extends Core {
  /** Names of the handlers that ran, in order. */
  readonly ran: string[]
  dataDir: string
  dispose(): Promise<void>
}

export function watchedCore(): WatchedCore {
  const dataDir = mkdtempSync(join(tmpdir(), 'kedai-core-'))
  const core = createCore({ dataDir, shell: 'browser' })
  const ran: string[] = []
  const handlers = Object.fromEntries(
    Object.entries(core.handlers).map(([name, handler]) => [
      name,
      (params: unknown) => {
        ran.push(name)
        return (handler as (p: unknown) => unknown)(params)
      },
    ]),
  ) as CoreHandlers
  return {
    ...core,
    handlers,
    ran,
    dataDir,
    async dispose() {
      await core.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
