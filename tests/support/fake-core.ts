/** A real core on a temporary data directory, served in-process, with a record of which handlers ran. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore } from '../../src-main/core/core'
import {
  inProcessConnection,
  type CoreConnection,
} from '../../src-main/core/worker/core-connection'
import type { CoreHandlers } from '../../src-shared/bridge/contract'
import { fastKdf } from './vault'

export interface WatchedCore extends CoreConnection {
  /** Names of the handlers that ran, in order. */
  readonly ran: string[]
  readonly dataDir: string
  dispose(): Promise<void>
}

export async function watchedCore(): Promise<WatchedCore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kedai-core-'))
  const core = await createCore({ dataDir, shell: 'browser', kdf: fastKdf })
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
  const connection = inProcessConnection({ ...core, handlers })
  return {
    ...connection,
    ran,
    dataDir,
    async dispose() {
      await connection.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
