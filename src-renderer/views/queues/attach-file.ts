/** What tasks.attach accepts, checked here to say so before a round trip. */
export const ATTACHABLE = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type AttachableType = (typeof ATTACHABLE)[number];
const MAX_BYTES = 10 * 1024 * 1024;

/** A chosen file as tasks.attach wants it, or why it cannot be attached. */
export async function readAttachment(file: File): Promise<{ ok: true; mediaType: AttachableType; contentBase64: string } | { ok: false; problem: string }> {
  if (!(ATTACHABLE as readonly string[]).includes(file.type)) return { ok: false, problem: `${file.name} is not a PDF, PNG or JPEG document.` };
  if (file.size === 0) return { ok: false, problem: `${file.name} is empty.` };
  if (file.size > MAX_BYTES) return { ok: false, problem: `${file.name} is larger than 10 MiB.` };
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
  return { ok: true, mediaType: file.type as AttachableType, contentBase64: dataUrl.slice(dataUrl.indexOf(',') + 1) };
}
