/**
 * When the link's next sync round runs. An ask never postpones an earlier one: a round that
 * ends by asking to poll again in 15 s must not swallow the "now" that another device's
 * wake-up (or a local edit) asked for while that round was finishing.
 */
export class NextRound {
  private timer: ReturnType<typeof setTimeout> | null = null
  private dueAt = Number.POSITIVE_INFINITY

  constructor(private readonly run: () => void) {}

  /** Runs within `delayMs`, or sooner if a sooner run is already due. */
  within(delayMs: number): void {
    const dueAt = Date.now() + delayMs
    if (this.timer && this.dueAt <= dueAt) return
    this.cancel()
    this.dueAt = dueAt
    this.timer = setTimeout(() => {
      this.timer = null
      this.dueAt = Number.POSITIVE_INFINITY
      this.run()
    }, delayMs)
    this.timer.unref?.()
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.dueAt = Number.POSITIVE_INFINITY
  }
}
