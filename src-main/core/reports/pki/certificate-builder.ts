import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import { Certificate, PublicKeyInfo, RelativeDistinguishedNames, Time, type Extension } from 'pkijs';
import { pkiEngine, type WebCryptoKey } from './webcrypto';

export interface DistinguishedName {
  commonName: string;
  organization: string;
  organizationalUnit: string;
}

/** X.520 upper bound of CN, O and OU; longer values are refused by strict parsers. */
const NAME_PART_MAX = 64;

/**
 * One attribute per RDN (C=…, O=…, CN=… as separate SETs). PKI.js would put all attributes
 * into one multi-valued RDN, which validators then print as "O=…+CN=…".
 */
export function distinguishedName(name: DistinguishedName): RelativeDistinguishedNames {
  const parts: [string, string][] = [
    ['2.5.4.10', name.organization],
    ['2.5.4.11', name.organizationalUnit],
    ['2.5.4.3', name.commonName],
  ];
  const sequence = new asn1js.Sequence({
    value: parts.map(
      ([type, value]) =>
        new asn1js.Set({
          value: [
            new asn1js.Sequence({
              value: [new asn1js.ObjectIdentifier({ value: type }), new asn1js.Utf8String({ value: [...value].slice(0, NAME_PART_MAX).join('') })],
            }),
          ],
        }),
    ),
  });
  return new RelativeDistinguishedNames({ schema: asn1js.fromBER(sequence.toBER(false)).result });
}

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime after, whole seconds only. */
function certificateTime(at: Date): Time {
  const value = new Date(Math.floor(at.getTime() / 1000) * 1000);
  return new Time({ type: value.getUTCFullYear() < 2050 ? 0 : 1, value });
}

/** A positive 128-bit serial number, as CA/Browser practice recommends (at least 64 random bits). */
function randomSerial(): asn1js.Integer {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return new asn1js.Integer({ valueHex: bytes });
}

export interface CertificateSpec {
  subject: RelativeDistinguishedNames;
  issuer: RelativeDistinguishedNames;
  notBefore: Date;
  notAfter: Date;
  publicKey: WebCryptoKey;
  extensions: Extension[];
}

/** An X.509 v3 certificate signed with SHA-256 by the issuer's key; returns its DER. */
export async function issueCertificate(spec: CertificateSpec, issuerKey: WebCryptoKey): Promise<Uint8Array> {
  const certificate = new Certificate();
  certificate.version = 2;
  certificate.serialNumber = randomSerial();
  certificate.subject = spec.subject;
  certificate.issuer = spec.issuer;
  certificate.notBefore = certificateTime(spec.notBefore);
  certificate.notAfter = certificateTime(spec.notAfter);
  await certificate.subjectPublicKeyInfo.importKey(spec.publicKey, pkiEngine);
  certificate.extensions = spec.extensions;
  await certificate.sign(issuerKey, 'SHA-256', pkiEngine);
  return new Uint8Array(certificate.toSchema(true).toBER(false));
}

/** The subjectPublicKey bits of a WebCrypto public key, for key identifiers. */
export async function subjectPublicKeyBits(publicKey: WebCryptoKey): Promise<Uint8Array> {
  const info = new PublicKeyInfo();
  await info.importKey(publicKey, pkiEngine);
  return info.subjectPublicKey.valueBlock.valueHexView;
}
