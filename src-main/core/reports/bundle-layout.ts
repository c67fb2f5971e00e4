/** The files of a report folder. Verifiers accept these names only, never a path from a manifest. */
export const BUNDLE = {
  pdf: 'report.pdf',
  csv: 'events.csv',
  evidence: 'evidence.json',
  manifest: 'manifest.json',
  manifestSignature: 'manifest.sig',
  manifestKey: 'manifest-key.pem',
  siteCa: 'site-ca.pem',
  readme: 'README.txt',
} as const;

/** Every file the manifest lists: all but the manifest and its signature, in listing order. */
export const MANIFEST_LISTED: readonly string[] = [BUNDLE.pdf, BUNDLE.csv, BUNDLE.evidence, BUNDLE.manifestKey, BUNDLE.siteCa, BUNDLE.readme];

/** At most this many timeline rows go into the PDF; the CSV and JSON always hold every event. */
export const PDF_TIMELINE_LIMIT = 2_000;
