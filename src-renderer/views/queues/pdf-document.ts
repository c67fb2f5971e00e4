import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/**
 * Opens a PDF with pdf.js under the console's CSP. pdf.js is loaded on first use (it is
 * large and most pages never show a PDF). Its worker is a file of the app itself
 * (worker-src 'self'); string evaluation and WebAssembly are switched off because the CSP
 * forbids both ('unsafe-eval', 'wasm-unsafe-eval'): pdf.js then takes its plain-JavaScript
 * paths. Nothing is fetched: the bytes come from the core, fonts a PDF does not embed fall
 * back to system fonts.
 */
export async function openPdf(data: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  return pdfjs.getDocument({ data, isEvalSupported: false, useWasm: false, enableXfa: false, stopAtErrors: false }).promise;
}
