import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFString, type PDFDocument } from 'pdf-lib';

export interface SignatureDictionary {
  subFilter: string | null;
  byteRange: number[];
  contents: Uint8Array;
  /** /M, the claimed signing time. */
  signingTime: Date | null;
}

/** The signature dictionaries (/V of every /FT /Sig field) of a parsed PDF. */
export function signatureDictionaries(doc: PDFDocument): SignatureDictionary[] {
  const fields = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict)?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  const found: SignatureDictionary[] = [];
  for (let i = 0; fields && i < fields.size(); i++) {
    const field = fields.lookupMaybe(i, PDFDict);
    if (field?.lookupMaybe(PDFName.of('FT'), PDFName) !== PDFName.of('Sig')) continue;
    const value = field.lookupMaybe(PDFName.of('V'), PDFDict);
    if (!value) continue;
    const byteRange = value.lookupMaybe(PDFName.of('ByteRange'), PDFArray);
    const time = value.lookupMaybe(PDFName.of('M'), PDFString, PDFHexString);
    found.push({
      subFilter: value.lookupMaybe(PDFName.of('SubFilter'), PDFName)?.decodeText() ?? null,
      byteRange: byteRange ? byteRange.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : Number.NaN)) : [],
      contents: value.lookupMaybe(PDFName.of('Contents'), PDFHexString)?.asBytes() ?? new Uint8Array(),
      signingTime: time ? safeDate(() => time.decodeDate()) : null,
    });
  }
  return found;
}

function safeDate(read: () => Date): Date | null {
  try {
    return read();
  } catch {
    return null;
  }
}
