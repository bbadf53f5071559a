import { call } from '../../api/client.ts';

const SAFE_IMAGE_TYPE = /^image\/[a-z0-9.+-]{1,60}$/i;

/** A data: URL for image bytes; null for anything that does not say it is an image. */
export function imageDataUrl(contentType: string | null, base64: string | null): string | null {
  if (!contentType || !base64 || !SAFE_IMAGE_TYPE.test(contentType)) return null;
  return `data:${contentType.toLowerCase()};base64,${base64}`;
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Saves an attachment through the browser's download (the Electron app asks where to save).
 * As application/octet-stream, so the browser never renders an HTML or SVG attachment in
 * the app's origin.
 */
export async function downloadAttachment(id: string, fallbackName: string): Promise<void> {
  const content = await call('mail.getAttachment', { id });
  const url = URL.createObjectURL(new Blob([bytesOf(content.base64)], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = content.filename || fallbackName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the bytes by the next task; a minute is generous.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
