import { sign, verify, type KeyObject } from 'node:crypto';
import { checkpointBody, checkpointFields, CheckpointFormatError, type Checkpoint, type SignedCheckpoint } from './checkpoint';
import { decodeBase64, keyIdOf, publicKeyObject, publicKeyOf } from './keys';

const SIGNATURE_BYTES = 64;

/** Signs checkpointBody(cp). Refuses a key other than the one cp names, which would make a checkpoint nobody can verify. */
export function signCheckpoint(cp: Checkpoint, privateKey: KeyObject): SignedCheckpoint {
  const body = checkpointBody(cp);
  const keyId = keyIdOf(publicKeyOf(privateKey));
  if (keyId !== cp.keyId) throw new CheckpointFormatError(`the checkpoint names key ${cp.keyId} but is being signed with key ${keyId}`);
  return { ...checkpointFields(cp), signature: sign(null, Buffer.from(body, 'utf8'), privateKey).toString('base64') };
}

/** True when `publicKeyRawBase64` is the key the checkpoint names and its signature over the body holds; false (never throws) otherwise. */
export function verifyCheckpointSignature(cp: SignedCheckpoint, publicKeyRawBase64: string): boolean {
  try {
    const signature = decodeBase64(cp.signature, SIGNATURE_BYTES);
    if (!signature || keyIdOf(publicKeyRawBase64) !== cp.keyId) return false;
    return verify(null, Buffer.from(checkpointBody(cp), 'utf8'), publicKeyObject(publicKeyRawBase64), signature);
  } catch {
    return false; // a malformed key or checkpoint: not a valid signature, whatever the reason
  }
}
