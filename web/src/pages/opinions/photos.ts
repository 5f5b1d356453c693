/**
 * Photos taken on a phone are large: draw each onto a canvas no more than 1600 px on its longer
 * side and send it as JPEG (base64, without the data: prefix), which also drops the EXIF data
 * (location, device) the citizen did not mean to hand over.
 */
import type { PhotoInput } from '../../api/types.ts';

export const MAX_PHOTOS = 3;
const MAX_SIDE = 1600;
const QUALITY = 0.85;

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
      reject(new Error(`cannot read ${file.name}`));
    };
    img.src = url;
  });
}

export async function downscalePhoto(file: File): Promise<PhotoInput> {
  const img = await loadImage(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(img.naturalWidth, img.naturalHeight));
  const width = Math.max(1, Math.round(img.naturalWidth * scale));
  const height = Math.max(1, Math.round(img.naturalHeight * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas unavailable');
  // JPEG has no transparency: a white ground instead of black for PNGs with alpha.
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(img, 0, 0, width, height);
  const dataUrl = canvas.toDataURL('image/jpeg', QUALITY);
  const name = file.name.replace(/\.[^.]+$/, '') + '.jpg';
  return { name: name.slice(0, 200), dataBase64: dataUrl.slice(dataUrl.indexOf(',') + 1) };
}
