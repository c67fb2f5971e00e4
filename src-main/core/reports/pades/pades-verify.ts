import { createHash, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import { PDFDocument } from 'pdf-lib';
import { Certificate, ContentInfo, SignedData, type SignerInfo } from 'pkijs';
import { errorText, fail, pass, type Check } from '../check';
import { readDataBinding, type DataBinding } from '../pdf/data-binding';
import { chainToAnchor, oneLineName } from '../pki/certificate-chain';
import { pkiEngine } from '../pki/webcrypto';
import { OID } from './cades-signature';
import { signatureDictionaries, type SignatureDictionary } from './signature-dictionary';

const SHA256 = '2.16.840.1.101.3.4.2.1';
const SIGNATURE = 'report.pdf signature';
const CHAIN = 'report.pdf certificate chain';

export interface TrustAnchors {
  certificates: X509Certificate[];
  /** Where the anchors came from, said in the result: a CA from the folder itself proves nothing about origin. */
  source: string;
}

class PdfSignatureError extends Error {}

/** ByteRange must be [0, a, b, rest] with [a, b) exactly the `<hex>` of /Contents and the file ending at b + rest. */
function signedBytes(pdf: Buffer, sig: SignatureDictionary): Buffer {
  const [zero, start, end, tail] = sig.byteRange;
  if (sig.byteRange.length !== 4 || zero !== 0 || start === undefined || end === undefined || tail === undefined || !(start < end))
    throw new PdfSignatureError(`malformed ByteRange [${sig.byteRange.join(' ')}]`);
  if (end + tail !== pdf.length)
    throw new PdfSignatureError(`the signed ranges end at byte ${end + tail} but the file has ${pdf.length}: bytes outside the signature`);
  const gap = pdf.subarray(start, end).toString('latin1');
  if (!/^<[0-9a-fA-F]*>$/.test(gap) || !Buffer.from(gap.slice(1, -1), 'hex').equals(Buffer.from(sig.contents)))
    throw new PdfSignatureError('the bytes left out of the signature are not exactly the signature value');
  return Buffer.concat([pdf.subarray(0, start), pdf.subarray(end)]);
}

function signedAttribute(signerInfo: SignerInfo, type: string): asn1js.BaseBlock | null {
  return signerInfo.signedAttrs?.attributes.find((a) => a.type === type)?.values[0] ?? null;
}

/** ESS signing-certificate-v2: the first ESSCertIDv2 must carry the SHA-256 of the signer's certificate. */
function essCertHashMatches(signerInfo: SignerInfo, signerDer: Buffer): boolean {
  const value = signedAttribute(signerInfo, OID.signingCertificateV2);
  const certIds = (value as asn1js.Sequence | null)?.valueBlock.value[0] as asn1js.Sequence | undefined;
  const first = certIds?.valueBlock.value[0] as asn1js.Sequence | undefined;
  const [head, second] = first?.valueBlock.value ?? [];
  // hashAlgorithm is DEFAULT sha256 and so absent in DER; when present it must say SHA-256.
  const explicit = head instanceof asn1js.Sequence;
  if (explicit && (head.valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString() !== SHA256) return false;
  const certHash = (explicit ? second : head) as asn1js.OctetString | undefined;
  return !!certHash && Buffer.from(certHash.valueBlock.valueHexView).equals(createHash('sha256').update(signerDer).digest());
}

async function verifyCms(sig: SignatureDictionary, signed: Buffer): Promise<{ signer: X509Certificate; certificates: X509Certificate[] }> {
  if (sig.subFilter !== 'ETSI.CAdES.detached') throw new PdfSignatureError(`SubFilter is ${sig.subFilter ?? 'missing'}, not ETSI.CAdES.detached`);
  const parsed = asn1js.fromBER(sig.contents);
  if (parsed.offset === -1) throw new PdfSignatureError('the signature value is not DER');
  const info = new ContentInfo({ schema: parsed.result });
  if (info.contentType !== ContentInfo.SIGNED_DATA) throw new PdfSignatureError('the signature value is not CMS SignedData');
  const signedData = new SignedData({ schema: info.content });
  const [signerInfo, ...others] = signedData.signerInfos;
  if (!signerInfo || others.length > 0) throw new PdfSignatureError(`expected one signer, found ${signedData.signerInfos.length}`);
  if (signedData.encapContentInfo.eContent) throw new PdfSignatureError('the CMS is not detached');
  if (signerInfo.digestAlgorithm.algorithmId !== SHA256)
    throw new PdfSignatureError(`digest algorithm ${signerInfo.digestAlgorithm.algorithmId} is not SHA-256`);
  const messageDigest = signedAttribute(signerInfo, OID.messageDigest) as asn1js.OctetString | null;
  if (!messageDigest || !Buffer.from(messageDigest.valueBlock.valueHexView).equals(createHash('sha256').update(signed).digest()))
    throw new PdfSignatureError('the SHA-256 of the signed bytes differs from the signed message digest: the PDF was changed after signing');

  const data = signed.buffer.slice(signed.byteOffset, signed.byteOffset + signed.byteLength) as ArrayBuffer;
  const result = await signedData.verify({ signer: 0, data, extendedMode: true, checkChain: false }, pkiEngine).catch((error: unknown) => {
    throw new PdfSignatureError(`the CMS signature does not verify (${errorText(error)})`);
  });
  if (!result.signatureVerified || !result.signerCertificate) throw new PdfSignatureError('the CMS signature does not verify');
  const signerDer = Buffer.from(result.signerCertificate.toSchema().toBER(false));
  if (!essCertHashMatches(signerInfo, signerDer)) throw new PdfSignatureError('the signing-certificate-v2 attribute is missing or names another certificate');
  const certificates = (signedData.certificates ?? [])
    .filter((c): c is Certificate => c instanceof Certificate)
    .map((c) => new X509Certificate(Buffer.from(c.toSchema().toBER(false))));
  return { signer: new X509Certificate(signerDer), certificates };
}

/**
 * Verifies report.pdf as an auditor's validator would: exactly one signature, whose byte
 * ranges cover the whole file except the signature value; a CAdES-detached CMS whose
 * message digest is the SHA-256 of those bytes and whose signature verifies with the signer
 * certificate that signing-certificate-v2 names; and a chain from that certificate to a trust
 * anchor, valid at the claimed signing time. Also returns the data-file hashes the PDF states.
 */
export async function verifyPdfSignature(pdf: Buffer, anchors: TrustAnchors): Promise<{ checks: Check[]; binding: DataBinding | null }> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (error) {
    return { binding: null, checks: [fail(SIGNATURE, `not a readable PDF (${errorText(error)})`), fail(CHAIN, 'not checked: no signature')] };
  }
  const binding = readDataBinding(doc);
  const signatures = signatureDictionaries(doc);
  if (signatures.length !== 1)
    return { binding, checks: [fail(SIGNATURE, `expected one signature, found ${signatures.length}`), fail(CHAIN, 'not checked: no signature')] };
  const sig = signatures[0]!;
  try {
    const { signer, certificates } = await verifyCms(sig, signedBytes(pdf, sig));
    const signingTime = sig.signingTime ?? new Date();
    const chain = chainToAnchor(signer, certificates, anchors.certificates, signingTime);
    return {
      binding,
      checks: [
        pass(SIGNATURE, `PAdES (ETSI.CAdES.detached, SHA-256) by ${oneLineName(signer.subject)}; the signature covers the whole file except its own value`),
        chain.ok ? pass(CHAIN, `${chain.detail}; trust anchor: ${anchors.source}`) : fail(CHAIN, `${chain.detail}; trust anchor: ${anchors.source}`),
      ],
    };
  } catch (error) {
    return { binding, checks: [fail(SIGNATURE, errorText(error)), fail(CHAIN, 'not checked: the signature does not verify')] };
  }
}
