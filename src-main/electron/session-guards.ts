import type { Session } from 'electron';

/**
 * The browser session denies every capability a web page can ask for. The console needs
 * none: no camera, microphone, location, notifications, clipboard reads, USB, serial or HID
 * devices, and no downloads (reports and exports are written by the core, through
 * operations that check permissions and write the audit trail, not by the page).
 */
export function installSessionGuards(session: Session, log: (message: string) => void): void {
  session.setPermissionRequestHandler((contents, permission, callback) => {
    log(`denied the permission "${permission}" to window ${contents.id}`);
    callback(false);
  });
  // Checks are the synchronous form (e.g. navigator.permissions.query, clipboard): also no.
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event, item) => {
    event.preventDefault();
    log(`cancelled a download of ${item.getURL()}`);
  });
}
