/**
 * zod builds faster object parsers with `new Function` when the page allows it, and merely
 * probing for that logs a CSP violation here ('unsafe-eval' is refused). main.ts imports this
 * module first, so zod is told before the bridge parses its first envelope.
 */
import { z } from 'zod'

z.config({ jitless: true })
