import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLE } from '../bundle-layout';
import { errorText, fail, pass, type Check } from '../check';
import { ed25519Fingerprint, ed25519PublicKey, ed25519RawBase64 } from './ed25519-key';
import { manifestSignatureValid, parseManifest, type Manifest } from './manifest';

const SIGNATURE = `${BUNDLE.manifestSignature} (Ed25519 over ${BUNDLE.manifest})`;
const KEY = `${BUNDLE.manifestKey} and the manifest's signing key`;

async function readOrNull(path: string): Promise<Buffer | null> {
  return readFile(path).catch(() => null);
}

function folderKey(pem: Buffer | null): KeyObject | string {
  if (!pem) return `${BUNDLE.manifestKey} is missing`;
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === 'ed25519' ? key : `${BUNDLE.manifestKey} is ${key.asymmetricKeyType}, not Ed25519`;
  } catch (error) {
    return `${BUNDLE.manifestKey} is not a public key (${errorText(error)})`;
  }
}

function givenKey(raw: string): KeyObject | string {
  try {
    return ed25519PublicKey(raw);
  } catch (error) {
    return `the key given to the verifier is unusable: ${errorText(error)}`;
  }
}

/**
 * Checks manifest.sig over the exact bytes of manifest.json, with the key the caller trusts
 * if given, else with manifest-key.pem from the folder, and says which: a key from the folder
 * proves the files are unchanged since signing, not who signed them.
 */
export async function checkManifest(folder: string, trustedKeyRaw?: string): Promise<{ checks: Check[]; manifest: Manifest | null }> {
  const checks: Check[] = [];
  const bytes = await readOrNull(join(folder, BUNDLE.manifest));
  const signature = await readOrNull(join(folder, BUNDLE.manifestSignature));
  const inFolder = folderKey(await readOrNull(join(folder, BUNDLE.manifestKey)));

  const key = trustedKeyRaw ? givenKey(trustedKeyRaw) : inFolder;
  const keyRaw = typeof key === 'string' ? null : ed25519RawBase64(key);
  const source = trustedKeyRaw
    ? `the key given to the verifier (fingerprint ${keyRaw ? ed25519Fingerprint(keyRaw) : '?'})`
    : `${BUNDLE.manifestKey} from the folder (fingerprint ${keyRaw ? ed25519Fingerprint(keyRaw) : '?'}): this proves the files are unchanged since signing, not who signed them; compare the fingerprint with the site's`;

  if (!bytes) checks.push(fail(SIGNATURE, `${BUNDLE.manifest} is missing`));
  else if (!signature) checks.push(fail(SIGNATURE, `${BUNDLE.manifestSignature} is missing`));
  else if (typeof key === 'string') checks.push(fail(SIGNATURE, key));
  else if (manifestSignatureValid(bytes, signature, key)) checks.push(pass(SIGNATURE, `valid, checked with ${source}`));
  else checks.push(fail(SIGNATURE, `${BUNDLE.manifestSignature} is not a valid signature of ${BUNDLE.manifest} by ${source}`));

  let manifest: Manifest | null = null;
  if (bytes) {
    try {
      manifest = parseManifest(bytes);
    } catch (error) {
      checks.push(fail(`${BUNDLE.manifest} format`, `unreadable: ${errorText(error)}`));
    }
  }
  if (manifest && keyRaw) {
    const stated = manifest.signingKey;
    const folderRaw = typeof inFolder === 'string' ? null : ed25519RawBase64(inFolder);
    const problems = [
      stated.publicKey !== keyRaw && `${BUNDLE.manifest} names the key ${stated.publicKey}, not the one checked`,
      stated.fingerprint !== ed25519Fingerprint(keyRaw) && `${BUNDLE.manifest} states a fingerprint that is not the key's`,
      folderRaw !== keyRaw && (typeof inFolder === 'string' ? inFolder : `${BUNDLE.manifestKey} is not the key checked`),
    ].filter((p): p is string => typeof p === 'string');
    checks.push(problems.length ? fail(KEY, problems.join('; ')) : pass(KEY, `all name the Ed25519 key with fingerprint ${stated.fingerprint}`));
  }
  return { checks, manifest };
}
