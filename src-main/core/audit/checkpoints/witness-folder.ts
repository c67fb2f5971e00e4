import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../fs/durable-fs';
import type { SignedCheckpoint } from './checkpoint';
import { formatWitness, isWitnessFileName, parseWitness, witnessFileName } from './witness-file';

/**
 * The witness folder: a copy of every checkpoint outside the database (another disk, a
 * share, removable media), so that rewriting the database, even with the signing key,
 * cannot rewrite the checkpoints already handed out.
 */
const MAX_WITNESS_BYTES = 64 * 1024; // a checkpoint is under 1 KB; anything far larger is not one
const LEFTOVER_TMP = /\.tmp-\d+$/; // writeFileAtomic's temporary, left by a crash mid-write

/** Writes the checkpoint durably (temporary file, fsync, rename, fsync of the folder). The folder must exist: creating it would hide an unmounted share. */
export function writeWitness(folder: string, cp: SignedCheckpoint): string {
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`the witness folder ${folder} does not exist or is not a folder`);
  const path = join(folder, witnessFileName(cp));
  writeFileAtomic(path, formatWitness(cp), 0o644); // checkpoints are public evidence, not secrets
  return path;
}

/**
 * Every checkpoint in the folder, in (treeSize, time) order since the names sort so, and a problem for each file
 * that should be a checkpoint and is not. Files of other names are left alone (a README,
 * Thumbs.db), as are temporaries of an interrupted write.
 */
export function readWitnesses(folder: string): { checkpoints: SignedCheckpoint[]; problems: string[] } {
  const checkpoints: SignedCheckpoint[] = [];
  const problems: string[] = [];
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch (error) {
    return { checkpoints, problems: [`the witness folder ${folder} cannot be read: ${(error as Error).message}`] };
  }
  for (const name of names) {
    if (!name.startsWith('ckpt-') || LEFTOVER_TMP.test(name)) continue;
    if (!isWitnessFileName(name)) {
      problems.push(`${name}: not the name of a witness file`);
      continue;
    }
    const read = readText(join(folder, name));
    const parsed = typeof read === 'string' ? parseWitness(name, read) : read;
    if ('problem' in parsed) problems.push(`${name}: ${parsed.problem}`);
    else checkpoints.push(parsed);
  }
  return { checkpoints, problems };
}

function readText(path: string): string | { problem: string } {
  try {
    if (statSync(path).size > MAX_WITNESS_BYTES) return { problem: 'too large to be a checkpoint' };
    return readFileSync(path, 'utf8');
  } catch (error) {
    return { problem: `cannot be read: ${(error as Error).message}` };
  }
}
