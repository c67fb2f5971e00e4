import { PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';

/** Stands for one ByteRange number until the file's length is known; ten digits hold any offset below 10 GB. */
export const BYTE_RANGE_SLOT = '**********';
const SIGNATURE_FIELD_NAME = 'Clearline report signature';

export interface SignatureFieldSpec {
  /** Bytes reserved for the CMS signature inside /Contents (written as twice as many hex digits). */
  contentsBytes: number;
  signingTime: Date;
  reason: string;
  location: string;
}

/**
 * Adds an invisible signature field whose value is a PAdES signature dictionary with
 * placeholders: /ByteRange slots and a zero-filled /Contents, both filled in after saving.
 * The claimed signing time is /M, since PAdES baseline signatures must not carry the CMS
 * signing-time attribute (ETSI EN 319 142-1 §5.3).
 */
export function addSignatureField(doc: PDFDocument, spec: SignatureFieldSpec): void {
  const { context } = doc;
  const page = doc.getPage(0);
  const slot = PDFName.of(BYTE_RANGE_SLOT);
  const signature = context.register(
    context.obj({
      Type: 'Sig',
      Filter: 'Adobe.PPKLite',
      SubFilter: 'ETSI.CAdES.detached',
      ByteRange: [0, slot, slot, slot],
      Contents: PDFHexString.of('0'.repeat(spec.contentsBytes * 2)),
      M: PDFString.fromDate(spec.signingTime),
      Reason: PDFHexString.fromText(spec.reason),
      Location: PDFHexString.fromText(spec.location),
    }),
  );
  const widget = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      T: PDFHexString.fromText(SIGNATURE_FIELD_NAME),
      V: signature,
      Rect: [0, 0, 0, 0],
      F: 132, // Print + Locked
      P: page.ref,
    }),
  );
  page.node.addAnnot(widget);
  // SigFlags 3: the document holds signatures, and may only be appended to (not rewritten).
  doc.catalog.set(PDFName.of('AcroForm'), context.obj({ Fields: [widget], SigFlags: 3 }));
}
