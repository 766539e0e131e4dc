/**
 * One logger per relay module. Lines go to stderr with the module's name. Callers pass counts,
 * ids and error codes, never a secret, a token or anything a customer or the owner wrote.
 */
export interface Logger {
  info(message: string): void
  warn(message: string, cause?: unknown): void
  error(message: string, cause?: unknown): void
}

type Sink = (line: string) => void

let sink: Sink = (line) => process.stderr.write(`${line}\n`)
let quiet = process.env.KEDAI_LOG === 'silent'

/** Tests capture or silence logging here; null silences. */
export function setRelayLogSink(next: Sink | null): void {
  quiet = next === null
  if (next) sink = next
}

export function createLogger(module: string): Logger {
  const write = (level: string, message: string, cause?: unknown) => {
    if (quiet) return
    // Only the error's name and message: a stack can carry request data through its frames' text.
    const detail = cause instanceof Error ? `: ${cause.name}: ${cause.message}` : ''
    sink(`${new Date().toISOString()} ${level} [relay:${module}] ${message}${detail}`)
  }
  return {
    info: (message) => write('info', message),
    warn: (message, cause) => write('warn', message, cause),
    error: (message, cause) => write('error', message, cause),
  }
}
