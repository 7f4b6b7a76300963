/** Small but real PDF and PNG files for the demo cases' materials (no binaries in git). */
import { deflateSync } from 'node:zlib';

/** A one-page PDF showing `lines` (ASCII: the built-in Helvetica has no CJK glyphs). */
export function samplePdf(lines: string[]): Buffer {
  const text = lines.map((line, index) => `BT /F1 16 Tf 72 ${760 - index * 28} Td (${line.replace(/[()\\]/g, '\\$&')}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A 240×150 RGB PNG: a card-like image standing in for a scanned ID card. */
export function samplePng(): Buffer {
  const width = 240;
  const height = 150;
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    rows[row] = 0; // filter: none
    for (let x = 0; x < width; x += 1) {
      const border = x < 6 || y < 6 || x >= width - 6 || y >= height - 6;
      const photo = x > 20 && x < 80 && y > 30 && y < 110;
      const [r, g, b] = border ? [200, 30, 30] : photo ? [150, 170, 190] : [250, 245, 225];
      rows.set([r!, g!, b!], row + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** The materials of a complete demo application. */
export function sampleMaterials(applicant: string) {
  return [
    { code: 'application-form', fileName: '申请表.pdf', contentType: 'application/pdf' as const, contentBase64: samplePdf(['Sunshine demo: application form', `Applicant: ${applicant.replace(/[^\x20-\x7e]/g, '?')}`, 'Signed and sealed']).toString('base64') },
    { code: 'id-card', fileName: '身份证.png', contentType: 'image/png' as const, contentBase64: samplePng().toString('base64') },
  ];
}

/** One PDF per material an item lists (mandatory ones, or all), named after the material. */
export function sampleUploads(materials: { code: string; name: { zh: string; en: string }; mandatory: boolean }[], applicant: string, options: { all?: boolean } = {}) {
  return materials
    .filter((material) => options.all || material.mandatory)
    .map((material) => ({
      code: material.code,
      fileName: `${material.name.zh}.pdf`,
      contentType: 'application/pdf' as const,
      contentBase64: samplePdf([`Sunshine demo: ${material.name.en}`, `Applicant: ${applicant.replace(/[^\x20-\x7e]/g, '?')}`]).toString('base64'),
    }));
}
