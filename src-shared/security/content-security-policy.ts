/**
 * The renderer's Content-Security-Policy, shared by the web host's header and checked against
 * the meta tag in index.html by a test: scripts only from the app itself, no inline or eval,
 * no remote images, no plugins.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' ws://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')
