import { useEffect, useRef, useState } from 'react';
import { ActionIcon, Alert, Group, Loader, Stack, Text } from '@mantine/core';
import { IconZoomIn, IconZoomOut } from '@tabler/icons-react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { openPdf } from './pdf-document';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;
/** Pages drawn at most: invoices and contracts are short; a 500-page scan would exhaust the page's memory. */
const MAX_PAGES = 50;

/** One page drawn on a canvas at the zoom, sharp on high-density screens. */
function PdfPage({ pdf, number, zoom }: { pdf: PDFDocumentProxy; number: number; zoom: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let cancelled = false;
    let render: { cancel(): void } | null = null;
    void pdf.getPage(number).then((page) => {
      const target = canvas.current;
      if (cancelled || !target) return;
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: zoom * ratio });
      target.width = Math.floor(viewport.width);
      target.height = Math.floor(viewport.height);
      target.style.width = `${Math.floor(viewport.width / ratio)}px`;
      target.style.height = `${Math.floor(viewport.height / ratio)}px`;
      const task = page.render({ canvas: target, viewport });
      render = task;
      // A newer render (zoom changed) cancels this one; that rejection is expected.
      task.promise.catch(() => undefined);
    });
    return () => {
      cancelled = true;
      render?.cancel();
    };
  }, [pdf, number, zoom]);
  return (
    <canvas
      ref={canvas}
      role="img"
      aria-label={`Page ${number} of the document`}
      data-pdf-page={number}
      style={{ boxShadow: 'var(--mantine-shadow-sm)', background: 'white' }}
    />
  );
}

/** A PDF rendered with pdf.js inside the console: every page, with zoom. */
export function PdfView({ data, name }: { data: Uint8Array; name: string }) {
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [step, setStep] = useState(2);
  useEffect(() => {
    let current: PDFDocumentProxy | null = null;
    let cancelled = false;
    // pdf.js transfers the buffer to its worker: give it a copy, the cached query keeps its own.
    openPdf(data.slice()).then(
      (doc) => {
        current = doc;
        if (cancelled) void doc.destroy();
        else setPdf(doc);
      },
      (error: unknown) => !cancelled && setFailed(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      cancelled = true;
      void current?.destroy();
    };
  }, [data]);

  if (failed)
    return (
      <Alert color="red" variant="light" title={`${name} could not be shown`}>
        {failed}
      </Alert>
    );
  if (!pdf) return <Loader size="sm" aria-label="Opening the PDF" />;
  const scale = ZOOMS[step] ?? 1;
  const shown = Math.min(pdf.numPages, MAX_PAGES);
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <ActionIcon variant="default" aria-label="Zoom out" disabled={step === 0} onClick={() => setStep((z) => z - 1)}>
          <IconZoomOut size={16} />
        </ActionIcon>
        <Text size="sm" className="tabular" w={48} ta="center">
          {Math.round(scale * 100)}%
        </Text>
        <ActionIcon variant="default" aria-label="Zoom in" disabled={step === ZOOMS.length - 1} onClick={() => setStep((z) => z + 1)}>
          <IconZoomIn size={16} />
        </ActionIcon>
        <Text size="sm" c="dimmed">
          {shown < pdf.numPages ? `first ${shown} of ${pdf.numPages} pages` : `${pdf.numPages} page${pdf.numPages === 1 ? '' : 's'}`}
        </Text>
      </Group>
      <Stack gap="md" align="center" p="md" style={{ background: 'var(--mantine-color-default-hover)', borderRadius: 'var(--mantine-radius-sm)' }}>
        {Array.from({ length: shown }, (_, i) => (
          <PdfPage key={i + 1} pdf={pdf} number={i + 1} zoom={scale} />
        ))}
      </Stack>
    </Stack>
  );
}
