/** libsodium (the sumo build the vault uses too), loaded once per thread. */
import sodiumModule from 'libsodium-wrappers-sumo'

export type Sodium = typeof sodiumModule

let ready: Promise<Sodium> | undefined

export function loadSodium(): Promise<Sodium> {
  ready ??= sodiumModule.ready.then(() => sodiumModule)
  return ready
}
