import { CONTENT_SECURITY_POLICY } from './content-security-policy';

/**
 * The headers every response of the console carries, from `clearline serve` and from the
 * desktop app's app:// protocol alike, so the console runs under one policy in both hosts.
 * The CSP is the real barrier: nothing loads from anywhere but the app, no eval, no framing.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
};
