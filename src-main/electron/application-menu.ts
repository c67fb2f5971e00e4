import type { MenuItemConstructorOptions } from 'electron';

/**
 * A minimal menu: the standard roles people expect from keyboard shortcuts (copy, paste,
 * zoom, full screen, quit). It replaces Electron's default menu, whose Help entries open
 * electronjs.org, and it offers developer tools only in an unpackaged build.
 */
export function applicationMenuTemplate(platform: NodeJS.Platform, packaged: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (!packaged) view.push({ type: 'separator' }, { role: 'toggleDevTools' });
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
}
