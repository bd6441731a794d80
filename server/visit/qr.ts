// Printable QR codes through `qrcode` (node-qrcode: the most used QR encoder on npm, maintained,
// pure JavaScript, SVG output without a canvas), so no QR encoding is written by hand here.
import QRCode from 'qrcode';

/** An SVG QR code of `text`, error correction M (survives a scuffed print), with a quiet zone. */
export const qrSvg = (text: string): Promise<string> =>
  QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
