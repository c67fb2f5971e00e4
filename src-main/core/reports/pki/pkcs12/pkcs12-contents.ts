import { createHmac, timingSafeEqual } from 'node:crypto';
import type * as asn1js from 'asn1js';
import { AuthenticatedSafe, CertBag, EncryptedData, PFX, PKCS8ShroudedKeyBag, PrivateKeyInfo, SafeContents, type MacData } from 'pkijs';
import { passwordDecrypt, Pkcs12Error, WRONG_PASSWORD } from './password-decrypt';
import { bmpPassword, pkcs12Kdf } from './pkcs12-kdf';

const DATA = '1.2.840.113549.1.7.1';
const ENCRYPTED_DATA = '1.2.840.113549.1.7.6';
const X509_CERT_BAG = '1.2.840.113549.1.9.22.1';

const MAC_HASH: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** What a PKCS#12 file holds: private keys as PKCS#8 DER and certificates as DER, in file order. */
export interface Pkcs12Contents {
  privateKeys: Buffer[];
  certificates: Buffer[];
}

function octets(value: asn1js.OctetString): Buffer {
  // getValue joins the pieces of a constructed (BER) OCTET STRING, which Windows and Java write.
  return Buffer.from(value.getValue());
}

/** The password-integrity MAC (RFC 7292 §5): checked first, so a wrong password is named as such. */
function checkMac(macData: MacData, authSafe: Buffer, password: string): void {
  const hash = MAC_HASH[macData.mac.digestAlgorithm.algorithmId];
  if (!hash)
    throw new Pkcs12Error(`unsupported PKCS#12 integrity algorithm ${macData.mac.digestAlgorithm.algorithmId}; export it again with \`-macalg sha256\``);
  const expected = octets(macData.mac.digest);
  const key = pkcs12Kdf(hash, bmpPassword(password), octets(macData.macSalt), 'mac', macData.iterations ?? 1, expected.length);
  const actual = createHmac(hash, key).update(authSafe).digest();
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw new Pkcs12Error(WRONG_PASSWORD);
}

function safeContentsOf(part: { contentType: string; content: unknown }, password: string): SafeContents {
  if (part.contentType === DATA) return SafeContents.fromBER(octets(part.content as asn1js.OctetString));
  if (part.contentType === ENCRYPTED_DATA) {
    const info = new EncryptedData({ schema: part.content }).encryptedContentInfo;
    if (!info.encryptedContent) throw new Pkcs12Error('an encrypted part of the PKCS#12 file is empty');
    return SafeContents.fromBER(passwordDecrypt(info.contentEncryptionAlgorithm, Buffer.from(info.getEncryptedContent()), password));
  }
  throw new Pkcs12Error('the PKCS#12 file uses public-key (envelope) privacy, which Clearline does not read; export it with a password');
}

/** Opens a password-protected PKCS#12 file (RFC 7292) and lists its keys and certificates. */
export function readPkcs12(p12: Uint8Array, password: string): Pkcs12Contents {
  let pfx: PFX;
  try {
    pfx = PFX.fromBER(p12);
  } catch {
    throw new Pkcs12Error('the file is not PKCS#12 (.p12/.pfx)');
  }
  if (pfx.authSafe.contentType !== DATA)
    throw new Pkcs12Error('the PKCS#12 file uses public-key integrity, which Clearline does not read; export it with a password');
  const authSafeBytes = octets(pfx.authSafe.content as asn1js.OctetString);
  if (pfx.macData) checkMac(pfx.macData, authSafeBytes, password);

  const contents: Pkcs12Contents = { privateKeys: [], certificates: [] };
  for (const part of AuthenticatedSafe.fromBER(authSafeBytes).safeContents) {
    for (const bag of safeContentsOf(part, password).safeBags) {
      const value: unknown = bag.bagValue;
      if (value instanceof PKCS8ShroudedKeyBag) contents.privateKeys.push(passwordDecrypt(value.encryptionAlgorithm, octets(value.encryptedData), password));
      else if (value instanceof PrivateKeyInfo) contents.privateKeys.push(Buffer.from(value.toSchema().toBER(false)));
      else if (value instanceof CertBag && value.certId === X509_CERT_BAG) contents.certificates.push(octets(value.certValue as asn1js.OctetString));
    }
  }
  return contents;
}
