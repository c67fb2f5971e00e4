import { BYTE_RANGE_SLOT } from './signature-field';

/** A saved PDF with its ByteRange filled in; [contentsStart, contentsEnd) is the `<…>` hex string left out of the digest. */
export interface PreparedPdf {
  bytes: Buffer;
  contentsStart: number;
  contentsEnd: number;
}

const SLOT = BYTE_RANGE_SLOT.replace(/\*/g, '\\*');
const BYTE_RANGE_PLACEHOLDER = new RegExp(`/ByteRange\\s*\\[\\s*0\\s+/${SLOT}\\s+/${SLOT}\\s+/${SLOT}\\s*\\]`, 'g');

function single(what: string, positions: number[]): number {
  if (positions.length !== 1) throw new Error(`expected one ${what} in the saved PDF, found ${positions.length}`);
  return positions[0]!;
}

/**
 * Finds the placeholders written by addSignatureField in the saved file and writes the real
 * ByteRange over its slots, padded with spaces to the same length so no offset moves.
 */
export function fillByteRange(bytes: Buffer, contentsBytes: number): PreparedPdf {
  const text = bytes.toString('latin1');
  const byteRangeMatches = [...text.matchAll(BYTE_RANGE_PLACEHOLDER)];
  const byteRangeAt = single(
    'ByteRange placeholder',
    byteRangeMatches.map((m) => m.index),
  );
  const placeholderLength = byteRangeMatches[0]![0].length;

  const contents = `<${'0'.repeat(contentsBytes * 2)}>`;
  const found: number[] = [];
  for (let at = text.indexOf(contents); at >= 0; at = text.indexOf(contents, at + 1)) found.push(at);
  const contentsStart = single('signature placeholder', found);
  const contentsEnd = contentsStart + contents.length;

  const byteRange = `/ByteRange [0 ${contentsStart} ${contentsEnd} ${bytes.length - contentsEnd}]`;
  if (byteRange.length > placeholderLength) throw new Error('the PDF is too large for the ByteRange placeholder');
  bytes.write(byteRange.padEnd(placeholderLength, ' '), byteRangeAt, 'latin1');
  return { bytes, contentsStart, contentsEnd };
}

/** The two signed byte ranges: everything but the signature's hex string. */
export function signedRanges(pdf: PreparedPdf): Buffer[] {
  return [pdf.bytes.subarray(0, pdf.contentsStart), pdf.bytes.subarray(pdf.contentsEnd)];
}

/** Writes the DER signature as hex into /Contents; the unused rest stays zeros, which DER readers ignore. */
export function embedSignature(pdf: PreparedPdf, cms: Uint8Array): Buffer {
  const room = (pdf.contentsEnd - pdf.contentsStart - 2) / 2;
  if (cms.length > room) throw new Error(`the signature needs ${cms.length} bytes but ${room} were reserved`);
  pdf.bytes.write(Buffer.from(cms).toString('hex'), pdf.contentsStart + 1, 'latin1');
  return pdf.bytes;
}
