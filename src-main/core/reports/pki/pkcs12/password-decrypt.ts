import { createDecipheriv, pbkdf2Sync } from 'node:crypto';
import * as asn1js from 'asn1js';
import { PBES2Params, PBKDF2Params, type AlgorithmIdentifier } from 'pkijs';
import { bmpPassword, pkcs12Kdf } from './pkcs12-kdf';

export class Pkcs12Error extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Pkcs12Error';
  }
}

export const WRONG_PASSWORD = 'wrong password for this PKCS#12 file';

const PBES2 = '1.2.840.113549.1.5.13';
const PBKDF2 = '1.2.840.113549.1.5.12';
const PKCS12_3DES = '1.2.840.113549.1.12.1.3';
const PKCS12_RC2_OR_RC4 = /^1\.2\.840\.113549\.1\.12\.1\.[1256]$/;

/** HMAC PRFs of PBKDF2 (RFC 8018); absent means HMAC-SHA1. */
const PRF_HASH: Record<string, string> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.8': 'sha224',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};

const PBES2_CIPHER: Record<string, { cipher: string; keyBytes: number }> = {
  '2.16.840.1.101.3.4.1.2': { cipher: 'aes-128-cbc', keyBytes: 16 },
  '2.16.840.1.101.3.4.1.22': { cipher: 'aes-192-cbc', keyBytes: 24 },
  '2.16.840.1.101.3.4.1.42': { cipher: 'aes-256-cbc', keyBytes: 32 },
  '1.2.840.113549.3.7': { cipher: 'des-ede3-cbc', keyBytes: 24 },
};

const REEXPORT_HINT = 'export it again with AES, e.g. `openssl pkcs12 -export -keypbe AES-256-CBC -certpbe AES-256-CBC -macalg sha256`';

function decipher(cipher: string, key: Buffer, iv: Buffer, data: Buffer): Buffer {
  try {
    const d = createDecipheriv(cipher, key, iv);
    return Buffer.concat([d.update(data), d.final()]);
  } catch {
    // Bad padding is what a wrong key looks like; files without a MAC have no earlier check.
    throw new Pkcs12Error(WRONG_PASSWORD);
  }
}

function pbes2Decrypt(params: AlgorithmIdentifier, data: Buffer, password: string): Buffer {
  const pbes2 = new PBES2Params({ schema: params.algorithmParams });
  if (pbes2.keyDerivationFunc.algorithmId !== PBKDF2)
    throw new Pkcs12Error(`unsupported key derivation ${pbes2.keyDerivationFunc.algorithmId}; ${REEXPORT_HINT}`);
  const kdf = new PBKDF2Params({ schema: pbes2.keyDerivationFunc.algorithmParams });
  const prf = kdf.prf ? PRF_HASH[kdf.prf.algorithmId] : 'sha1';
  const scheme = PBES2_CIPHER[pbes2.encryptionScheme.algorithmId];
  if (!prf || !scheme) throw new Pkcs12Error(`unsupported PBES2 cipher or PRF; ${REEXPORT_HINT}`);
  const salt = Buffer.from((kdf.salt as asn1js.OctetString).getValue());
  const iv = Buffer.from((pbes2.encryptionScheme.algorithmParams as asn1js.OctetString).getValue());
  // PBES2 takes the password's bytes as they are (OpenSSL, Windows: UTF-8), unlike PKCS#12's BMPString.
  const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, kdf.iterationCount, kdf.keyLength ?? scheme.keyBytes, prf);
  return decipher(scheme.cipher, key, iv, data);
}

function pkcs12TripleDesDecrypt(params: AlgorithmIdentifier, data: Buffer, password: string): Buffer {
  const [salt, iterations] = (params.algorithmParams as asn1js.Sequence).valueBlock.value as [asn1js.OctetString, asn1js.Integer];
  const saltBytes = Buffer.from(salt.getValue());
  const rounds = iterations.valueBlock.valueDec;
  const pass = bmpPassword(password);
  return decipher('des-ede3-cbc', pkcs12Kdf('sha1', pass, saltBytes, 'key', rounds, 24), pkcs12Kdf('sha1', pass, saltBytes, 'iv', rounds, 8), data);
}

/**
 * Decrypts a password-encrypted PKCS#12 part: PBES2 (PBKDF2 + AES or 3DES: OpenSSL 3 and
 * current Windows) or the legacy pbeWithSHAAnd3-KeyTripleDES-CBC. RC2 and RC4 are refused:
 * Node's OpenSSL 3 ships them only in the legacy provider.
 */
export function passwordDecrypt(algorithm: AlgorithmIdentifier, data: Buffer, password: string): Buffer {
  if (algorithm.algorithmId === PBES2) return pbes2Decrypt(algorithm, data, password);
  if (algorithm.algorithmId === PKCS12_3DES) return pkcs12TripleDesDecrypt(algorithm, data, password);
  if (PKCS12_RC2_OR_RC4.test(algorithm.algorithmId))
    throw new Pkcs12Error(`the file is encrypted with RC2 or RC4, legacy ciphers Clearline does not accept; ${REEXPORT_HINT}`);
  throw new Pkcs12Error(`unsupported encryption ${algorithm.algorithmId}; ${REEXPORT_HINT}`);
}
