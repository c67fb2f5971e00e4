import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import {
  Attribute,
  Certificate,
  ContentInfo,
  EncapsulatedContentInfo,
  GeneralName,
  GeneralNames,
  IssuerAndSerialNumber,
  IssuerSerial,
  SignedAndUnsignedAttributes,
  SignedData,
  SignerInfo,
} from 'pkijs';
import { pkiEngine, type WebCryptoKey } from '../pki/webcrypto';

export const OID = {
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  /** RFC 5035 ESS signing-certificate-v2, which PAdES-B-B requires. */
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  data: '1.2.840.113549.1.7.1',
} as const;

/**
 * ESS signing-certificate-v2 naming the signer's certificate by its SHA-256 (the DEFAULT hash,
 * hence no algorithm identifier in DER) and issuer/serial: it binds the signature to that
 * certificate, so it cannot be swapped for another one with the same key.
 */
function signingCertificateV2(signer: Certificate, signerDer: Uint8Array): asn1js.Sequence {
  const issuerSerial = new IssuerSerial({
    issuer: new GeneralNames({ names: [new GeneralName({ type: 4, value: signer.issuer })] }),
    serialNumber: signer.serialNumber,
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: createHash('sha256').update(signerDer).digest() }), issuerSerial.toSchema()],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/** DER encodes a SET OF in ascending order of the elements' encodings; validators that re-encode depend on it. */
function derSorted(attributes: Attribute[]): Attribute[] {
  const encoded = attributes.map((a) => ({ a, der: Buffer.from(a.toSchema().toBER(false)) }));
  return encoded.sort((x, y) => Buffer.compare(x.der, y.der)).map((e) => e.a);
}

/**
 * A CAdES-detached CMS SignedData (RFC 5652, ETSI EN 319 122-1) over a PDF's byte-range
 * digest: signed attributes content-type, message-digest and signing-certificate-v2; no
 * signing-time (PAdES puts the time in /M); the signer's certificate and its issuers
 * included, so validators can build the chain up to the anchor they trust.
 */
export async function cadesDetachedSignature(digest: Buffer, certificatesDer: Uint8Array[], privateKey: WebCryptoKey): Promise<Uint8Array> {
  const [signerDer] = certificatesDer;
  if (!signerDer) throw new Error('no signer certificate');
  const certificates = certificatesDer.map((der) => Certificate.fromBER(der));
  const signer = certificates[0]!;
  const signedAttributes = derSorted([
    new Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: digest })] }),
    new Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(signer, signerDer)] }),
  ]);
  const signedData = new SignedData({
    version: 1,
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [
      new SignerInfo({
        version: 1,
        sid: new IssuerAndSerialNumber({ issuer: signer.issuer, serialNumber: signer.serialNumber }),
        signedAttrs: new SignedAndUnsignedAttributes({ type: 0, attributes: signedAttributes }),
      }),
    ],
    certificates,
  });
  await signedData.sign(privateKey, 0, 'SHA-256', undefined, pkiEngine);
  return new Uint8Array(new ContentInfo({ contentType: ContentInfo.SIGNED_DATA, content: signedData.toSchema(true) }).toSchema().toBER(false));
}
