import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './app-origin';
import { secureWebPreferences } from './web-preferences';

/** The console's window: hardened preferences, the app:// entry page, shown once painted. */
export function createMainWindow(preload: string): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Clearline',
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    // Shown when the first frame is ready, so there is no white flash in dark mode.
    show: false,
    webPreferences: secureWebPreferences(preload),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
