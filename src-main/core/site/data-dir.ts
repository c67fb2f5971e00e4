import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_FOLDER_NAME = 'Clearline';

/**
 * The platform's per-user application data folder, the same one Electron's
 * app.getPath('userData') returns for this product, so the desktop app, `clearline serve`
 * and the CLI agree on where a site lives without being told.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER_NAME);
}

/** `--data-dir` wins over CLEARLINE_DATA_DIR, which wins over the platform default. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(flag ?? env.CLEARLINE_DATA_DIR ?? defaultDataDir(env));
}

/** Every file a site keeps in its data folder, named in one place. */
export function sitePaths(dataDir: string) {
  return {
    dataDir,
    config: join(dataDir, 'clearline.json'),
    database: join(dataDir, 'clearline.db'),
    rekeyTemp: join(dataDir, 'clearline.db.rekey'),
    restoreTemp: join(dataDir, 'clearline.db.restore'),
    attachments: join(dataDir, 'attachments'),
    lock: join(dataDir, 'clearline.lock'),
  } as const;
}
export type SitePaths = ReturnType<typeof sitePaths>;
