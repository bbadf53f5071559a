/**
 * A picked file's bytes as base64, for `mail.send`'s `{ filename, contentBase64 }`: a file
 * input works the same in the sandboxed Electron window and in a browser, and no path ever
 * crosses to the service (see AttachmentInput in mail-send.contract.ts).
 */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      // "data:<type>;base64,<bytes>"
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}
