import type { WebPreferences } from 'electron';

/**
 * The only web preferences any Clearline window gets. The page is the console's own
 * bundle, but it renders data that came from outside (files, e-mails, connector payloads),
 * so it is treated as untrusted: it runs sandboxed in an isolated world, sees no Node, and
 * reaches the main process only through the preload's two functions.
 */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    // The preload's world is separate from the page's, so the page cannot tamper with it.
    contextIsolation: true,
    // The renderer process runs in Chromium's OS sandbox; the preload gets no Node either.
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    // Same-origin policy stays on, and an app:// page never loads http:// content.
    webSecurity: true,
    allowRunningInsecureContent: false,
    // No experimental Blink features and no <webview>: nothing the console needs, more attack surface.
    experimentalFeatures: false,
    webviewTag: false,
    // The spellchecker would download dictionaries from Google's CDN; sites are air-gapped.
    spellcheck: false,
    preload,
  };
}
