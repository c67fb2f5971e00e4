import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fsyncDir } from '../fs/durable-fs';

export class ReportFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportFolderError';
  }
}

/** The target must not exist yet, or be an empty folder: a report never mixes with other files. */
export async function assertFolderFree(folder: string): Promise<void> {
  const entries = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (entries.length > 0) throw new ReportFolderError(`${folder} already exists and is not empty`);
}

/**
 * A report is written into a hidden sibling folder and renamed into place when complete, so
 * a crash or a failed export never leaves a folder that looks like a finished report.
 */
export async function stagingFolder(folder: string): Promise<string> {
  await mkdir(dirname(folder), { recursive: true });
  const staging = join(dirname(folder), `.${basename(folder)}.partial-${randomBytes(4).toString('hex')}`);
  await mkdir(staging, { recursive: false, mode: 0o700 });
  return staging;
}

export async function publishFolder(staging: string, folder: string): Promise<void> {
  await assertFolderFree(folder);
  await rmdir(folder).catch(() => undefined);
  fsyncDir(staging);
  await rename(staging, folder);
  fsyncDir(dirname(folder));
}

export async function discardFolder(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
}
