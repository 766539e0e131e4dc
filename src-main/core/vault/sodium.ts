/** libsodium (the sumo build, which has Argon2id), loaded once per thread. */
import sodiumModule from 'libsodium-wrappers-sumo'

export type Sodium = typeof sodiumModule

let ready: Promise<Sodium> | undefined

export function loadSodium(): Promise<Sodium> {
  ready ??= sodiumModule.ready.then(() => sodiumModule)
  return ready
}
