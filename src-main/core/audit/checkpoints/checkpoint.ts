import { decodeBase64, keyIdOf } from './keys';

/** A signed statement "the audit trail of site `origin` had `treeSize` events, with this Merkle root, at `time`". */
export interface Checkpoint {
  /** The site id: which audit trail this is. */
  origin: string;
  treeSize: number;
  /** MTH of the first treeSize leaves, base64. */
  rootHash: string;
  /** ISO 8601 UTC with milliseconds, as Date#toISOString writes it. */
  time: string;
  /** keyIdOf the key that signs this checkpoint. */
  keyId: string;
  /** Rotation: the key that signs from now on, announced by the current key. */
  nextKey?: { keyId: string; publicKey: string /* base64 raw 32 bytes */ };
}

export interface SignedCheckpoint extends Checkpoint {
  /** Ed25519 over checkpointBody(this), base64 of the 64 raw bytes. */
  signature: string;
}

export class CheckpointFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckpointFormatError';
  }
}

// Printable ASCII without spaces: one unambiguous token per line, as in C2SP checkpoints.
const ORIGIN = /^[\x21-\x7e]{1,255}$/;
const KEY_ID = /^[0-9a-f]{16}$/;
const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function isIsoUtc(time: unknown): boolean {
  if (typeof time !== 'string' || !ISO_UTC_MS.test(time)) return false;
  const ms = Date.parse(time);
  return !Number.isNaN(ms) && new Date(ms).toISOString() === time; // refuses 2026-02-30 and the like
}

/** What is wrong with a checkpoint's fields (signature aside), or null. Never throws. */
export function checkpointProblem(cp: Checkpoint): string | null {
  if (typeof cp !== 'object' || cp === null) return 'not a checkpoint';
  if (typeof cp.origin !== 'string' || !ORIGIN.test(cp.origin)) return 'origin must be 1 to 255 printable ASCII characters without spaces';
  if (!Number.isSafeInteger(cp.treeSize) || cp.treeSize < 0) return 'treeSize must be a non-negative integer';
  if (!decodeBase64(cp.rootHash, 32)) return 'rootHash must be the base64 of 32 bytes';
  if (!isIsoUtc(cp.time)) return 'time must be a real UTC instant written like 2026-11-29T04:38:18.123Z';
  if (typeof cp.keyId !== 'string' || !KEY_ID.test(cp.keyId)) return 'keyId must be 16 lowercase hex digits';
  if (cp.nextKey !== undefined) {
    const { keyId, publicKey } = cp.nextKey ?? {};
    if (!decodeBase64(publicKey, 32)) return 'nextKey.publicKey must be the base64 of a raw 32-byte Ed25519 key';
    if (keyId !== keyIdOf(publicKey as string)) return 'nextKey.keyId is not the id of nextKey.publicKey';
    if (keyId === cp.keyId) return 'nextKey announces the key that already signs';
  }
  return null;
}

/** Just the checkpoint's own fields, copied: what is signed and stored, whatever else the object carried. */
export function checkpointFields(cp: Checkpoint): Checkpoint {
  const fields: Checkpoint = { origin: cp.origin, treeSize: cp.treeSize, rootHash: cp.rootHash, time: cp.time, keyId: cp.keyId };
  if (cp.nextKey) fields.nextKey = { keyId: cp.nextKey.keyId, publicKey: cp.nextKey.publicKey };
  return fields;
}

/**
 * The exact bytes signed (UTF-8, which here is ASCII): a C2SP tlog-checkpoint body, i.e.
 * origin, tree size and root on the first three lines, then this application's extension
 * lines. Every line ends with "\n". docs/audit-evidence.md gives it byte for byte.
 */
export function checkpointBody(cp: Checkpoint): string {
  const problem = checkpointProblem(cp);
  if (problem) throw new CheckpointFormatError(`cannot sign or check this checkpoint: ${problem}`);
  const lines = [cp.origin, String(cp.treeSize), cp.rootHash, `time ${cp.time}`, `key ${cp.keyId}`];
  if (cp.nextKey) lines.push(`next-key ${cp.nextKey.keyId} ${cp.nextKey.publicKey}`);
  return lines.map((line) => `${line}\n`).join('');
}

/** Reads a body back; only the one canonical spelling of a checkpoint is accepted, so body and fields cannot drift apart. */
export function parseCheckpointBody(body: string): Checkpoint | { problem: string } {
  const lines = body.split('\n');
  if (lines.pop() !== '') return { problem: 'the checkpoint text does not end with a newline' };
  if (lines.length !== 5 && lines.length !== 6) return { problem: `a checkpoint has 5 or 6 lines, not ${lines.length}` };
  const [origin, size, rootHash, time, key, nextKey] = lines as [string, string, string, string, string, string | undefined];
  const field = (line: string, name: string): string[] | undefined => (line.startsWith(`${name} `) ? line.slice(name.length + 1).split(' ') : undefined);
  const [keyId] = field(key, 'key') ?? [];
  const [timeValue] = field(time, 'time') ?? [];
  const cp: Checkpoint = { origin, treeSize: /^(0|[1-9]\d*)$/.test(size) ? Number(size) : NaN, rootHash, time: timeValue ?? '', keyId: keyId ?? '' };
  if (nextKey !== undefined) {
    const [id, publicKey] = field(nextKey, 'next-key') ?? [];
    cp.nextKey = { keyId: id ?? '', publicKey: publicKey ?? '' };
  }
  const problem = checkpointProblem(cp);
  if (problem) return { problem };
  return checkpointBody(cp) === body ? cp : { problem: 'the checkpoint text is not in its canonical form' };
}
