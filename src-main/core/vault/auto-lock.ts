/**
 * Locks the vault after the owner has been away for the idle time they chose. Only the owner's
 * own activity (reported by the renderer) counts; messages arriving in the background do not
 * keep the vault open.
 */
export interface AutoLock {
  touch(): void
  stop(): void
}

export function startAutoLock(options: {
  idleMs: () => number
  isUnlocked: () => boolean
  lock: () => void
  now?: () => number
  checkEveryMs?: number
}): AutoLock {
  const now = options.now ?? Date.now
  let lastActivityAt = now()
  const timer = setInterval(() => {
    const idleMs = options.idleMs()
    if (idleMs > 0 && options.isUnlocked() && now() - lastActivityAt >= idleMs) options.lock()
  }, options.checkEveryMs ?? 5_000)
  timer.unref?.()
  return {
    touch: () => {
      lastActivityAt = now()
    },
    stop: () => clearInterval(timer),
  }
}
