import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';

export interface FileDigest {
  sha256: string;
  bytes: number;
}

/** Text is gathered up to this many UTF-16 units before one write: few syscalls, bounded memory. */
const FLUSH_AT = 256 * 1024;

/**
 * Writes a new file (refusing to overwrite) through a bounded buffer, hashing and counting
 * the exact bytes written, so the manifest needs no second read of multi-gigabyte exports.
 * Each flush is awaited, which is the back-pressure that keeps memory flat.
 */
export class HashingFileWriter {
  private pending: (string | Uint8Array)[] = [];
  private pendingSize = 0;
  private written = 0;
  private readonly hash = createHash('sha256');

  private constructor(private readonly file: FileHandle) {}

  /** Report files hold audit payloads: readable by the owner only, like the rest of the site's data. */
  static async create(path: string): Promise<HashingFileWriter> {
    return new HashingFileWriter(await open(path, 'wx', 0o600));
  }

  async write(data: string | Uint8Array): Promise<void> {
    this.pending.push(data);
    this.pendingSize += data.length;
    if (this.pendingSize >= FLUSH_AT) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = Buffer.concat(this.pending.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
    this.pending = [];
    this.pendingSize = 0;
    this.hash.update(chunk);
    this.written += chunk.length;
    for (let offset = 0; offset < chunk.length;) offset += (await this.file.write(chunk, offset)).bytesWritten;
  }

  /** Flushes, fsyncs and closes: an export is evidence, and must survive a power cut once reported done. */
  async close(): Promise<FileDigest> {
    await this.flush();
    await this.file.sync();
    await this.file.close();
    return { sha256: this.hash.digest('hex'), bytes: this.written };
  }

  async abandon(): Promise<void> {
    await this.file.close().catch(() => undefined);
  }
}

export async function writeHashedFile(path: string, data: string | Uint8Array): Promise<FileDigest> {
  const writer = await HashingFileWriter.create(path);
  try {
    await writer.write(data);
    return await writer.close();
  } catch (error) {
    await writer.abandon();
    throw error;
  }
}
