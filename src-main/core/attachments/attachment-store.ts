import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/durable-fs';

/**
 * Documents attached to work (invoices, KYC evidence) are kept as files next to the
 * database, each encrypted with AES-256-GCM under the site's attachment key. That key is
 * random and lives inside the encrypted database, so the data key protects it and a rekey
 * covers it. A file's name is a keyed hash of its content: equal documents are stored once,
 * and the name reveals nothing about the content without the key.
 */
const MAGIC = Buffer.from('CLA1');
export const ATTACHMENT_KEY_SECRET = 'attachment-key';

export class AttachmentNotFoundError extends Error {
  constructor(id: string) {
    super(`attachment ${id} is not in this site's attachment store`);
    this.name = 'AttachmentNotFoundError';
  }
}

export interface StoredAttachment {
  id: string;
  size: number;
}

export class AttachmentStore {
  constructor(
    private readonly dir: string,
    private readonly key: Buffer,
  ) {
    if (key.length !== 32) throw new RangeError('the attachment key is 32 bytes');
  }

  private path(id: string): string {
    if (!/^[0-9a-f]{64}$/.test(id)) throw new AttachmentNotFoundError(id);
    return join(this.dir, `${id}.cla`);
  }

  put(content: Uint8Array): StoredAttachment {
    const id = createHmac('sha256', this.key).update(content).digest('hex');
    const path = this.path(id);
    if (!existsSync(path)) {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', this.key, iv);
      cipher.setAAD(Buffer.from(id));
      const body = Buffer.concat([cipher.update(content), cipher.final()]);
      writeFileAtomic(path, Buffer.concat([MAGIC, iv, body, cipher.getAuthTag()]));
    }
    return { id, size: content.length };
  }

  get(id: string): Buffer {
    const path = this.path(id);
    if (!existsSync(path)) throw new AttachmentNotFoundError(id);
    const file = readFileSync(path);
    if (!file.subarray(0, 4).equals(MAGIC)) throw new Error(`attachment ${id} is not a Clearline attachment file`);
    const decipher = createDecipheriv('aes-256-gcm', this.key, file.subarray(4, 16));
    decipher.setAAD(Buffer.from(id));
    decipher.setAuthTag(file.subarray(file.length - 16));
    try {
      return Buffer.concat([decipher.update(file.subarray(16, file.length - 16)), decipher.final()]);
    } catch {
      throw new Error(`attachment ${id} failed its integrity check: the file was altered or damaged; restore it from a backup`);
    }
  }

  list(): string[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .filter((name) => name.endsWith('.cla'))
      .map((name) => name.slice(0, -4))
      .sort();
  }
}
