import type { WebFrameMain } from 'electron';
import { isAppUrl } from './app-origin';

/** What identifies a frame: its renderer process and its frame token, unique within it. */
export type FrameIdentity = Pick<WebFrameMain, 'processId' | 'frameToken'>;
/** The sending frame; only whether it has a parent matters, not which. */
export type SenderFrame = FrameIdentity & Pick<WebFrameMain, 'url' | 'detached'> & { parent: object | null };

/**
 * Whether an IPC message comes from the console itself: the top frame of one of our
 * windows, currently showing an app:// page. A sub-frame, a frame of any other web
 * contents, a page that navigated elsewhere, or a frame already gone (null) is refused,
 * whatever the message says.
 */
export function isTrustedSender(frame: SenderFrame | null, windows: Iterable<{ webContents: { mainFrame: FrameIdentity } }>): boolean {
  if (!frame || frame.detached || frame.parent !== null || !isAppUrl(frame.url)) return false;
  for (const window of windows) {
    const main = window.webContents.mainFrame;
    if (main.processId === frame.processId && main.frameToken === frame.frameToken) return true;
  }
  return false;
}
