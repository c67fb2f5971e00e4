import { createDecipheriv, createHmac, pbkdf2Sync } from 'node:crypto';

/**
 * An independent reader of the SQLCipher 4 file format, written from Zetetic's published
 * design (https://www.zetetic.net/sqlcipher/design/) and sharing no code with the library
 * Clearline uses: AES-256-CBC per 4096-byte page, 80 reserved bytes (16-byte IV, 64-byte
 * HMAC-SHA512 over ciphertext‖IV‖page number), the first 16 bytes of page 1 the salt, and
 * with a raw key the HMAC key = PBKDF2-HMAC-SHA512(key, salt⊕0x3a, 2 iterations). It checks
 * every page's HMAC and returns the plaintext SQLite image, whose first 16 bytes must be
 * the SQLite header.
 */
const PAGE = 4096;
const RESERVE = 80;

export function decryptSqlcipher4(file: Buffer, rawKey: Buffer): Buffer {
  if (file.length === 0 || file.length % PAGE !== 0) throw new Error(`file size ${file.length} is not a whole number of ${PAGE}-byte pages`);
  const salt = file.subarray(0, 16);
  const hmacKey = pbkdf2Sync(rawKey, Buffer.from(salt.map((b) => b ^ 0x3a)), 2, 32, 'sha512');
  const pages: Buffer[] = [];
  for (let i = 0; i * PAGE < file.length; i++) {
    const page = file.subarray(i * PAGE, (i + 1) * PAGE);
    const offset = i === 0 ? 16 : 0;
    const ciphertext = page.subarray(offset, PAGE - RESERVE);
    const iv = page.subarray(PAGE - RESERVE, PAGE - RESERVE + 16);
    const mac = page.subarray(PAGE - RESERVE + 16);
    const pageNumber = Buffer.alloc(4);
    pageNumber.writeUInt32LE(i + 1);
    const expected = createHmac('sha512', hmacKey).update(ciphertext).update(iv).update(pageNumber).digest();
    if (!expected.equals(mac)) throw new Error(`page ${i + 1}: HMAC mismatch (wrong key or not SQLCipher 4)`);
    const decipher = createDecipheriv('aes-256-cbc', rawKey, iv).setAutoPadding(false);
    const plain = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
    pages.push(
      i === 0 ? Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), plain, Buffer.alloc(RESERVE)]) : Buffer.concat([plain, Buffer.alloc(RESERVE)]),
    );
  }
  return Buffer.concat(pages);
}
