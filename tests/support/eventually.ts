/** Polls until `check` passes or the time runs out, then fails with the last reason. */
export async function eventually<T>(
  check: () => T | Promise<T>,
  timeoutMs = 15_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  for (;;) {
    try {
      return await check()
    } catch (cause) {
      lastError = cause
    }
    if (Date.now() > deadline) throw lastError
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
}
