import { createHash, createHmac, hkdfSync, type Hmac } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { z } from 'zod';
import type { DataKey } from '../keys/data-key';
import { RecoveryWrap } from '../keys/recovery-key';

/**
 * The backup file (.clbak), documented in docs/backup-format.md:
 *
 *   "CLEARLINE-BACKUP\n"  16+1 bytes of magic
 *   u32 big-endian        length of the header
 *   header                UTF-8 JSON (BackupHeader below): site, data key id, entries, recovery wrap
 *   entries               each entry's bytes, in header order (the SQLCipher database
 *                         snapshot, then the encrypted attachment files, all as they are on disk)
 *   HMAC-SHA256           32 bytes over everything before it, keyed from the data key
 *
 * No entry holds plaintext: the database snapshot is SQLCipher-encrypted with the data key
 * and attachments are already AES-GCM files. The header wraps the data key to the site's
 * recovery public key, so the backup restores on a machine that has only the recovery key.
 */
export const BACKUP_MAGIC = Buffer.from('CLEARLINE-BACKUP\n', 'ascii');
const MAC_BYTES = 32;
const CHUNK = 1 << 20;

export const BackupEntry = z.object({
  name: z.string().regex(/^(clearline\.db|attachments\/[0-9a-f]{64}\.cla)$/),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BackupEntry = z.infer<typeof BackupEntry>;

export const BackupHeader = z.object({
  format: z.literal(1),
  siteId: z.string(),
  siteName: z.string(),
  siteCreatedAt: z.string(),
  createdAt: z.string(),
  dataKeyId: z.string(),
  schemaVersion: z.number().int(),
  recovery: z.object({ publicKey: z.string(), issuedAt: z.string(), wrappedDataKey: RecoveryWrap }),
  entries: z.array(BackupEntry).min(1),
});
export type BackupHeader = z.infer<typeof BackupHeader>;

export class BackupFormatError extends Error {
  constructor(file: string, reason: string) {
    super(`${file} is not a usable Clearline backup: ${reason}`);
    this.name = 'BackupFormatError';
  }
}

export function backupMacKey(key: DataKey): Buffer {
  return key.use((bytes) => Buffer.from(hkdfSync('sha256', bytes, Buffer.alloc(0), 'clearline backup mac v1', 32)));
}

export type Progress = (done: number, total: number) => void;

/** Streams one file into the backup, feeding the MAC and the entry's digest; memory stays at one chunk. */
function copyInto(out: number, mac: Hmac, sourcePath: string, onBytes: (n: number) => void): void {
  const fd = openSync(sourcePath, 'r');
  const buffer = Buffer.allocUnsafe(CHUNK);
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
      const chunk = buffer.subarray(0, n);
      writeSync(out, chunk);
      mac.update(chunk);
      onBytes(n);
    }
  } finally {
    closeSync(fd);
  }
}

export function sha256File(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  const buffer = Buffer.allocUnsafe(CHUNK);
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

export function writeBackup(out: number, header: BackupHeader, sources: ReadonlyMap<string, string>, macKey: Buffer, progress?: Progress): void {
  const mac = createHmac('sha256', macKey);
  const headerBytes = Buffer.from(JSON.stringify(BackupHeader.parse(header)), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  for (const part of [BACKUP_MAGIC, length, headerBytes]) {
    writeSync(out, part);
    mac.update(part);
  }
  const total = header.entries.reduce((sum, e) => sum + e.size, 0);
  let done = 0;
  for (const entry of header.entries) {
    const source = sources.get(entry.name);
    if (!source) throw new Error(`no source file for backup entry ${entry.name}`);
    copyInto(out, mac, source, (n) => {
      done += n;
      progress?.(done, total);
    });
  }
  writeSync(out, mac.digest());
}

export interface OpenedBackup {
  header: BackupHeader;
  /** Byte offset of the first entry. */
  bodyOffset: number;
  fileSize: number;
}

export function readBackupHeader(file: string): OpenedBackup {
  const fd = openSync(file, 'r');
  try {
    const fileSize = fstatSync(fd).size;
    const start = Buffer.alloc(BACKUP_MAGIC.length + 4);
    if (readSync(fd, start, 0, start.length, 0) !== start.length || !start.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC)) {
      throw new BackupFormatError(file, 'it does not start with the Clearline backup signature');
    }
    const headerLength = start.readUInt32BE(BACKUP_MAGIC.length);
    if (headerLength > 64 * 1024 * 1024 || start.length + headerLength + MAC_BYTES > fileSize) throw new BackupFormatError(file, 'it is truncated');
    const headerBytes = Buffer.alloc(headerLength);
    readSync(fd, headerBytes, 0, headerLength, start.length);
    let parsed: unknown;
    try {
      parsed = JSON.parse(headerBytes.toString('utf8'));
    } catch {
      throw new BackupFormatError(file, 'its header is not valid JSON');
    }
    const header = BackupHeader.safeParse(parsed);
    if (!header.success) throw new BackupFormatError(file, `its header field "${header.error.issues[0]?.path.join('.')}" is invalid`);
    const bodyOffset = start.length + headerLength;
    const bodySize = header.data.entries.reduce((sum, e) => sum + e.size, 0);
    if (bodyOffset + bodySize + MAC_BYTES !== fileSize) throw new BackupFormatError(file, 'its size does not match its header (truncated or appended to)');
    return { header: header.data, bodyOffset, fileSize };
  } finally {
    closeSync(fd);
  }
}

/** Recomputes the MAC over the whole file; false means the file was altered or damaged. */
export function verifyBackupMac(file: string, opened: OpenedBackup, macKey: Buffer, progress?: Progress): boolean {
  const fd = openSync(file, 'r');
  const mac = createHmac('sha256', macKey);
  const buffer = Buffer.allocUnsafe(CHUNK);
  const macOffset = opened.fileSize - MAC_BYTES;
  try {
    for (let position = 0; position < macOffset;) {
      const n = readSync(fd, buffer, 0, Math.min(CHUNK, macOffset - position), position);
      mac.update(buffer.subarray(0, n));
      position += n;
      progress?.(position, macOffset);
    }
    const stored = Buffer.alloc(MAC_BYTES);
    readSync(fd, stored, 0, MAC_BYTES, macOffset);
    return mac.digest().equals(stored);
  } finally {
    closeSync(fd);
  }
}

/** Copies one entry out of the backup to `target`, checking its SHA-256 against the header. */
export function extractEntry(file: string, opened: OpenedBackup, name: string, target: string): void {
  let offset = opened.bodyOffset;
  const entry = opened.header.entries.find((e) => {
    if (e.name === name) return true;
    offset += e.size;
    return false;
  });
  if (!entry) throw new Error(`backup has no entry ${name}`);
  const input = openSync(file, 'r');
  const output = openSync(target, 'w', 0o600);
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(CHUNK);
  try {
    for (let done = 0; done < entry.size;) {
      const n = readSync(input, buffer, 0, Math.min(CHUNK, entry.size - done), offset + done);
      if (n === 0) throw new BackupFormatError(file, 'it is truncated');
      writeSync(output, buffer.subarray(0, n));
      hash.update(buffer.subarray(0, n));
      done += n;
    }
  } finally {
    closeSync(input);
    closeSync(output);
  }
  if (hash.digest('hex') !== entry.sha256) throw new BackupFormatError(file, `entry ${name} does not match its checksum`);
}
