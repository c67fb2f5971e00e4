/**
 * The renderer's Content Security Policy, the same for the desktop app and `clearline
 * serve`: nothing is loaded from anywhere but the app itself (air-gapped sites have no CDN
 * anyway), no eval, no plugins, no framing. Inline style attributes are allowed because the
 * component library sets CSS variables through them; inline scripts are not.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
