import { createPrivateKey, type KeyObject } from 'node:crypto';
import { nodeWebCrypto, type WebCryptoKey } from './webcrypto';

/**
 * The two document-signing key types Clearline accepts. Both are what NSS (pdfsig),
 * Adobe and the EU trust lists verify today; `rsa-3072` means RSA with at least 3072 bits
 * and PKCS#1 v1.5 signatures, the RSA scheme every PDF validator supports.
 */
export type DocumentSigningAlgorithm = 'ecdsa-p256' | 'rsa-3072';

const IMPORT_PARAMS = {
  'ecdsa-p256': { name: 'ECDSA', namedCurve: 'P-256' },
  'rsa-3072': { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
} as const;

const GENERATE_PARAMS = {
  'ecdsa-p256': { name: 'ECDSA', namedCurve: 'P-256' },
  'rsa-3072': { name: 'RSASSA-PKCS1-v1_5', modulusLength: 3072, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
} as const;

export class KeyPolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyPolicyError';
  }
}

/** Which accepted algorithm a private or public key is, or a refusal that says what the key is instead. */
export function signingAlgorithmOf(key: KeyObject): DocumentSigningAlgorithm {
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'rsa':
      if ((details.modulusLength ?? 0) >= 3072) return 'rsa-3072';
      throw new KeyPolicyError(`the key is RSA-${details.modulusLength}; document signing needs RSA with at least 3072 bits or ECDSA P-256`);
    case 'ec':
      if (details.namedCurve === 'prime256v1') return 'ecdsa-p256';
      throw new KeyPolicyError(`the key is ECDSA on curve ${details.namedCurve}; document signing needs ECDSA P-256 or RSA with at least 3072 bits`);
    default:
      throw new KeyPolicyError(
        `the key is ${key.asymmetricKeyType?.toUpperCase() ?? 'of an unknown type'}; document signing needs RSA with at least 3072 bits (PKCS#1 v1.5) or ECDSA P-256`,
      );
  }
}

export async function generateSigningKeyPair(algorithm: DocumentSigningAlgorithm): Promise<{ publicKey: WebCryptoKey; privateKey: WebCryptoKey }> {
  return (await nodeWebCrypto.subtle.generateKey(GENERATE_PARAMS[algorithm], true, ['sign', 'verify'])) as unknown as {
    publicKey: WebCryptoKey;
    privateKey: WebCryptoKey;
  };
}

/** A PKCS#8 PEM private key as a WebCrypto signing key, which is what PKI.js signs with. */
export async function importSigningKey(privateKeyPem: string, algorithm: DocumentSigningAlgorithm): Promise<WebCryptoKey> {
  const der = createPrivateKey(privateKeyPem).export({ type: 'pkcs8', format: 'der' });
  return (await nodeWebCrypto.subtle.importKey('pkcs8', der, IMPORT_PARAMS[algorithm], false, ['sign'])) as unknown as WebCryptoKey;
}
