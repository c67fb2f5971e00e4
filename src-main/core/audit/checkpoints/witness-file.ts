import { createHash } from 'node:crypto';
import { checkpointBody, checkpointFields, parseCheckpointBody, type SignedCheckpoint } from './checkpoint';
import { decodeBase64 } from './keys';

/**
 * One witness file: the signed body exactly as signed, an empty line, and the signature
 * line, in the manner of a C2SP signed note, so an auditor can cut the body out with awk
 * and check it with openssl. Its name sorts by tree size, then time, and ends with a digest
 * of the content: it keeps two checkpoints of the same size and millisecond apart, and
 * shows an edited or damaged file before any key is at hand.
 */
const SIGNATURE_LINE = 'signature ';
const NAME = /^ckpt-\d{16}-\d{8}T\d{9}Z-[0-9a-f]{8}\.txt$/;

function compactTime(iso: string): string {
  return iso.replace(/[-:.]/g, ''); // no colons: the witness folder may be on a Windows share
}

export function witnessFileName(cp: SignedCheckpoint): string {
  const digest = createHash('sha256').update(formatWitness(cp), 'utf8').digest('hex').slice(0, 8);
  return `ckpt-${String(cp.treeSize).padStart(16, '0')}-${compactTime(cp.time)}-${digest}.txt`;
}

export function isWitnessFileName(name: string): boolean {
  return NAME.test(name);
}

/** Throws on a checkpoint that is not well-formed: a witness must never hold something unreadable. */
export function formatWitness(cp: SignedCheckpoint): string {
  if (!decodeBase64(cp.signature, 64)) throw new TypeError('a witnessed checkpoint needs a signature: the base64 of 64 bytes');
  return `${checkpointBody(cp)}\n${SIGNATURE_LINE}${cp.signature}\n`;
}

/** Reads a witness file back: well-formed, canonical, and agreeing with its own name. Signatures are checked later, against the keys in force. */
export function parseWitness(name: string, text: string): SignedCheckpoint | { problem: string } {
  if (text.includes('\r')) return { problem: 'it has carriage returns: its line endings were converted, which breaks the signature' };
  const split = text.indexOf('\n\n');
  if (split < 0) return { problem: 'no signature (the file is truncated or not a witness)' };
  const parsed = parseCheckpointBody(text.slice(0, split + 1));
  if ('problem' in parsed) return parsed;
  const line = text.slice(split + 2);
  const signature = line.startsWith(SIGNATURE_LINE) && line.endsWith('\n') ? line.slice(SIGNATURE_LINE.length, -1) : '';
  if (!decodeBase64(signature, 64)) return { problem: 'the signature line is missing, truncated or malformed' };
  const cp: SignedCheckpoint = { ...checkpointFields(parsed), signature };
  if (witnessFileName(cp) !== name) return { problem: `its content (${cp.treeSize} events at ${cp.time}) does not match its name: renamed or edited` };
  return cp;
}
