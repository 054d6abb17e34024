// Zip archives made in memory, for the tests that read public records from one.
import { crc32, deflateRawSync } from 'node:zlib';

/** A one-entry zip archive (local header, data, central directory, end record). */
export function zipOf(name: string, content: Buffer, method: 0 | 8 | number): Buffer {
  return zipOfMany([[name, content, method]]);
}

/** A zip archive of these entries: each local header and data, then the central directory and the end record. */
export function zipOfMany(entries: [name: string, content: Buffer, method: 0 | 8 | number][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content, method] of entries) {
    const data = method === 8 ? deflateRawSync(content) : content;
    const crc = crc32(content);
    const nameBytes = Buffer.from(name);
    const local = header(30, [[0, 4, 0x04034b50], [4, 2, 20], [8, 2, method], [14, 4, crc], [18, 4, data.length], [22, 4, content.length], [26, 2, nameBytes.length]]);
    const central = header(46, [[0, 4, 0x02014b50], [4, 2, 20], [6, 2, 20], [10, 2, method], [16, 4, crc], [20, 4, data.length], [24, 4, content.length], [28, 2, nameBytes.length], [42, 4, offset]]);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const dirSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = header(22, [[0, 4, 0x06054b50], [8, 2, entries.length], [10, 2, entries.length], [12, 4, dirSize], [16, 4, offset]]);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** A zip header of `size` bytes: each field at its offset, little-endian, of two or four bytes. */
function header(size: number, fields: [at: number, bytes: 2 | 4, value: number][]): Buffer {
  const b = Buffer.alloc(size);
  for (const [at, bytes, value] of fields) {
    if (bytes === 2) b.writeUInt16LE(value, at);
    else b.writeUInt32LE(value, at);
  }
  return b;
}
