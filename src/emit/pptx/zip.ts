import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * The little of the zip format a PowerPoint needs, on Node's own zlib: reading the entries of the
 * zip pptxgenjs writes (stored, or deflated in an embedded workbook) and writing them again,
 * deflated, with one date. JSZip and pako did both in JavaScript: about a quarter of a second of
 * the build's CPU, most of the PowerPoint's cost. No zip64, no encryption: a deck's PowerPoint is
 * a few MB of parts made by pptxgenjs.
 */
export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;
/** General purpose flag bit 11: the name is UTF-8. */
const UTF8 = 0x0800;
const DOS_FIRST = Date.UTC(1980, 0, 1);
const DOS_LAST = Date.UTC(2107, 11, 31, 23, 59, 58);

/** The files of a zip, in the order of its central directory (folders left out). */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is the last 22 bytes, unless a comment (at most 64 KiB) follows it.
  let end = buf.length - 22;
  while (end >= 0 && buf.readUInt32LE(end) !== END) end -= 1;
  if (end < 0 || buf.length - end > 22 + 0xffff) throw new Error('not a zip file: no end of central directory');
  const count = buf.readUInt16LE(end + 10);
  const entries: ZipEntry[] = [];
  for (let i = 0, at = buf.readUInt32LE(end + 16); i < count; i++) {
    if (buf.readUInt32LE(at) !== CENTRAL) throw new Error('damaged zip file: bad central directory entry');
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const skip = nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + skip;
    if (name.endsWith('/')) continue;
    if (buf.readUInt32LE(local) !== LOCAL) throw new Error(`damaged zip file: no local header for ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    if (method === STORED) entries.push({ name, data: raw });
    else if (method === DEFLATED) entries.push({ name, data: inflateRawSync(raw) });
    else throw new Error(`zip entry ${name}: compression method ${method} is not supported`);
  }
  return entries;
}

/**
 * A zip of `entries` in the order given, every entry dated `date` (in UTC, as JSZip wrote it) and
 * deflated at zlib's default level, or stored where deflating does not make it smaller (a PNG).
 * The same entries and date give the same bytes.
 */
export function writeZip(entries: readonly ZipEntry[], date: Date): Uint8Array {
  const [time, day] = dosDateTime(date);
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = deflateRawSync(data);
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    // The fields a local header and its central directory entry share, from "version needed" on.
    const common = Buffer.alloc(26);
    common.writeUInt16LE(stored ? 10 : 20, 0);
    common.writeUInt16LE(/^[\x20-\x7e]*$/.test(name) ? 0 : UTF8, 2);
    common.writeUInt16LE(stored ? STORED : DEFLATED, 4);
    common.writeUInt16LE(time, 6);
    common.writeUInt16LE(day, 8);
    common.writeUInt32LE(crc32(data), 10);
    common.writeUInt32LE(body.length, 14);
    common.writeUInt32LE(data.length, 18);
    common.writeUInt16LE(nameBytes.length, 22);
    // Extra field length 0 (offset 24).
    const local = Buffer.alloc(4);
    local.writeUInt32LE(LOCAL, 0);
    parts.push(local, common, nameBytes, Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(CENTRAL, 0);
    // Made by: MS-DOS, zip 2.0; then the shared fields; comment, disk, attributes all 0.
    entry.writeUInt16LE(20, 4);
    common.copy(entry, 6);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, directory, end]));
}

/** MS-DOS time and date fields (2-second steps, years 1980 to 2107: a date outside is clamped). */
function dosDateTime(when: Date): [number, number] {
  const date = new Date(Math.min(Math.max(when.getTime(), DOS_FIRST), DOS_LAST));
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  return [time, day];
}
