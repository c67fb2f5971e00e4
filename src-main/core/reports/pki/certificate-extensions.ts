import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import { AuthorityKeyIdentifier, BasicConstraints, Certificate, ExtKeyUsage, Extension } from 'pkijs';

/** Extended key usages of the site's document-signing certificate; why all three is in docs/reports.md. */
export const EKU = {
  /** RFC 9336 id-kp-documentSigning: the standard purpose. */
  documentSigning: '1.3.6.1.5.5.7.3.36',
  /** Microsoft Document Signing, which Adobe and Windows look for. */
  microsoftDocumentSigning: '1.3.6.1.4.1.311.10.3.12',
  /**
   * E-mail protection. NSS, which pdfsig uses, validates PDF signers for its "e-mail signer"
   * usage: a certificate that lists EKUs without this one is rejected ("Unknown issue with
   * Certificate"), measured with poppler 22.12 / NSS 3.87.
   */
  emailProtection: '1.3.6.1.5.5.7.3.4',
} as const;

const KEY_USAGE_BITS = { digitalSignature: 0, nonRepudiation: 1, keyCertSign: 5, cRLSign: 6 } as const;
export type KeyUsage = keyof typeof KEY_USAGE_BITS;

function extension(extnID: string, critical: boolean, value: asn1js.BaseBlock): Extension {
  return new Extension({ extnID, critical, extnValue: value.toBER(false) });
}

export function basicConstraints(ca: boolean): Extension {
  // A site CA issues end-entity certificates only, hence path length 0.
  return extension('2.5.29.19', true, new BasicConstraints(ca ? { cA: true, pathLenConstraint: 0 } : { cA: false }).toSchema());
}

/** DER BIT STRING of the named bits, with trailing zero bits dropped as DER requires. */
export function keyUsage(usages: KeyUsage[]): Extension {
  const bits = usages.map((u) => KEY_USAGE_BITS[u]);
  const highest = Math.max(...bits);
  const bytes = new Uint8Array(Math.floor(highest / 8) + 1);
  for (const bit of bits) bytes[bit >> 3]! |= 0x80 >> (bit & 7);
  return extension('2.5.29.15', true, new asn1js.BitString({ valueHex: bytes, unusedBits: 7 - (highest & 7) }));
}

export function extendedKeyUsage(purposes: string[]): Extension {
  return extension('2.5.29.37', false, new ExtKeyUsage({ keyPurposes: purposes }).toSchema());
}

/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits. */
export function keyIdentifier(subjectPublicKey: Uint8Array): Uint8Array {
  return createHash('sha1').update(subjectPublicKey).digest();
}

export function subjectKeyIdentifier(keyId: Uint8Array): Extension {
  return extension('2.5.29.14', false, new asn1js.OctetString({ valueHex: keyId }));
}

export function authorityKeyIdentifier(issuerKeyId: Uint8Array): Extension {
  return extension('2.5.29.35', false, new AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: issuerKeyId }) }).toSchema());
}

/**
 * Whether a certificate's key may sign documents: no key-usage extension (any use), or one
 * with digitalSignature or nonRepudiation. A key usable only for, say, key encipherment would
 * give signatures every validator rejects.
 */
export function keyUsageAllowsSigning(certificateDer: Uint8Array): boolean {
  const extension = Certificate.fromBER(certificateDer).extensions?.find((e) => e.extnID === '2.5.29.15');
  if (!extension) return true;
  const bits = (extension.parsedValue as asn1js.BitString).valueBlock.valueHexView;
  return ((bits[0] ?? 0) & 0xc0) !== 0;
}
