/**
 * The one origin the desktop shell trusts: the built renderer served under a privileged
 * custom scheme (never file://, whose pages share one origin with every local file).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'clearline';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Whether a URL belongs to the app's origin. Compared by scheme and host because
 * WHATWG `URL.origin` is "null" for schemes it does not know, ours included.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '' && parsed.port === '';
}
