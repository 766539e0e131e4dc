/**
 * One logger per module. Lines go to stderr with the module's name; callers pass messages and
 * errors, never keys or what a customer wrote.
 */
export interface Logger {
  info(message: string): void
  warn(message: string, cause?: unknown): void
  error(message: string, cause?: unknown): void
}

type Sink = (line: string) => void

let sink: Sink = (line) => process.stderr.write(`${line}\n`)
let quiet = process.env.KEDAI_LOG === 'silent'

/** Tests redirect or silence logging here. */
export function setLogSink(next: Sink | null): void {
  quiet = next === null
  if (next) sink = next
}

export function createLogger(module: string): Logger {
  const write = (level: string, message: string, cause?: unknown) => {
    if (quiet) return
    const detail = cause instanceof Error ? `: ${cause.stack ?? cause.message}` : ''
    sink(`${new Date().toISOString()} ${level} [${module}] ${message}${detail}`)
  }
  return {
    info: (message) => write('info', message),
    warn: (message, cause) => write('warn', message, cause),
    error: (message, cause) => write('error', message, cause),
  }
}
