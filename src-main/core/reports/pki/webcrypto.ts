import { webcrypto } from 'node:crypto';
import { CryptoEngine, type CryptoEngineParameters } from 'pkijs';

/**
 * PKI.js is handed this engine on every call instead of through its global `setEngine`, so
 * nothing here depends on module-load order or on what another part of the process set.
 * Node's WebCrypto is the same implementation as the DOM's `Crypto` PKI.js is typed against.
 */
export const nodeWebCrypto = webcrypto as unknown as CryptoEngineParameters['crypto'];
export const pkiEngine = new CryptoEngine({ name: 'node-webcrypto', crypto: nodeWebCrypto });

export type WebCryptoKey = webcrypto.CryptoKey;
