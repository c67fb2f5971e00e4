import type { WebContents } from 'electron';
import { isAppUrl } from './app-origin';

/**
 * What any web contents may do beyond showing the console: nothing. Installed from
 * `web-contents-created`, so it covers every window, frame host and devtools contents,
 * including any that a bug might create. A page that could navigate elsewhere would keep
 * the preload's bridge while showing someone else's content.
 */
export function installWebContentsGuards(contents: WebContents, log: (message: string) => void): void {
  const stayInApp = (event: { preventDefault(): void }, url: string, what: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    log(`blocked ${what} of window ${contents.id} to ${url}`);
  };
  contents.on('will-navigate', (event) => stayInApp(event, event.url, 'navigation'));
  contents.on('will-redirect', (event) => stayInApp(event, event.url, 'redirect'));
  // No pop-ups and no new windows: links to outside the app do nothing at all, rather than
  // open a browser on a machine where the browser may be the way data leaves the site.
  contents.setWindowOpenHandler(({ url }) => {
    log(`blocked a new window from window ${contents.id} to ${url}`);
    return { action: 'deny' };
  });
  // <webview> is already off in webPreferences; this refuses one even if a bug turned it on.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log(`blocked a <webview> in window ${contents.id}`);
  });
}
