/**
 * Photos are made small on the phone before they travel: at most 1600 pixels on the long side, as
 * JPEG, so three pictures go up in seconds on a weak signal instead of minutes (a phone's own
 * picture is often 4–12 MB). The browser applies the picture's EXIF orientation when drawing it.
 */
export const MAX_PHOTOS = 3;
const MAX_SIDE = 1600;
/** Aim for pictures under this size; quality is lowered step by step to get there. */
const TARGET_BYTES = 450_000;

export interface PreparedPhoto {
  name: string;
  /** Base64 of the JPEG, without the data-URL head. */
  dataBase64: string;
  /** An object URL of the JPEG for the thumbnail (revoke it when the photo is removed). */
  previewUrl: string;
  bytes: number;
}

function loadImage(file: File): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file);
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      resolve(img);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('not an image'));
    };
    img.src = url;
  });
}

function toBlob(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode failed'))), 'image/jpeg', quality),
  );
}

function toBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}

/** One picture, scaled down and encoded as JPEG; throws when the file is not a picture the browser can read. */
export async function preparePhoto(file: File): Promise<PreparedPhoto> {
  const img = await loadImage(file);
  let side = MAX_SIDE;
  for (;;) {
    const scale = Math.min(1, side / Math.max(img.naturalWidth, img.naturalHeight));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no canvas');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(img, 0, 0, canvas.width, canvas.height);
    let blob = await toBlob(canvas, 0.82);
    for (const q of [0.72, 0.62]) if (blob.size > TARGET_BYTES) blob = await toBlob(canvas, q);
    if (blob.size <= TARGET_BYTES * 1.5 || side <= 1000) {
      const base = file.name.replace(/\.[^.]*$/, '') || 'photo';
      return {
        name: `${base.slice(0, 80)}.jpg`,
        dataBase64: await toBase64(blob),
        previewUrl: URL.createObjectURL(blob),
        bytes: blob.size,
      };
    }
    side = Math.round(side * 0.75);
  }
}
