import { useEffect, useMemo, useState } from 'react';
import { Alert, Loader, Modal } from '@mantine/core';
import type { TaskDetail } from '@shared/contract/work';
import { useOp } from '../../api/hooks';
import { PdfView } from './PdfView';

type Doc = TaskDetail['documents'][number];

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** An image from memory: a blob: URL (allowed by img-src), revoked when the viewer closes. */
function ImageView({ bytes, mediaType, name }: { bytes: Uint8Array; mediaType: string; name: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const made = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mediaType }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [bytes, mediaType]);
  return url ? <img src={url} alt={name} style={{ maxWidth: '100%', display: 'block', margin: '0 auto' }} /> : null;
}

/**
 * A task's document opened inside the console, never as a download or in another window:
 * images inline, PDFs drawn by pdf.js. The bytes come from the core through the contract
 * (decrypted there), so nothing is fetched from a file URL.
 */
export function DocumentViewer({ taskId, doc, onClose }: { taskId: string; doc: Doc; onClose: () => void }) {
  const content = useOp('tasks.document', { taskId, documentId: doc.id }, { staleTime: Infinity });
  const bytes = useMemo(() => (content.data ? bytesOf(content.data.contentBase64) : null), [content.data]);
  return (
    <Modal opened onClose={onClose} title={doc.name} size="xl" closeButtonProps={{ 'aria-label': 'Close the document' }}>
      {content.error && (
        <Alert color="red" variant="light" title="Could not open the document">
          {content.error.message}
        </Alert>
      )}
      {!bytes && !content.error && <Loader size="sm" aria-label="Loading the document" />}
      {bytes &&
        (doc.mediaType === 'application/pdf' ? (
          <PdfView data={bytes} name={doc.name} />
        ) : (
          <ImageView bytes={bytes} mediaType={doc.mediaType} name={doc.name} />
        ))}
    </Modal>
  );
}
