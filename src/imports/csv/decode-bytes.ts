/**
 * Turns the bytes of a file into text, finding the encoding on the way. The encoding is decided so:
 *
 * 1. A byte order mark: `EF BB BF` UTF-8, `FF FE` UTF-16 LE, `FE FF` UTF-16 BE. The mark is not text.
 * 2. No mark, but more than half the byte pairs of the first 512 bytes are an ASCII character and a NUL:
 *    that is how ASCII looks in UTF-16 (NUL second: LE, NUL first: BE), and how no 8-bit text looks.
 * 3. Otherwise an 8-bit encoding, UTF-8 or Windows-1252. They write ASCII alike, so nothing is decided
 *    while the bytes are ASCII (a list of US names is often ASCII for thousands of rows before its first
 *    "José"). At the first byte ≥ 0x80, the 64 KiB from there decide: valid UTF-8 makes it UTF-8, anything
 *    else Windows-1252 (where every byte is a character). A file that stays ASCII is UTF-8.
 *
 * Once decided, the encoding holds to the end: in a UTF-8 file, an invalid byte past those 64 KiB becomes
 * U+FFFD (�) in its value, with no error, since one damaged character should not refuse a whole list.
 *
 * Characters split between chunks are decoded whole (`TextDecoder` with `stream: true`). Every decode call
 * with bytes passes `stream: true`, which also matters for Windows-1252: Node 20.18.3+ decodes it as
 * Latin-1 (0x80 as U+0080, not €) on its non-streaming fast path (nodejs/node#60888); a streaming call
 * goes through ICU and turns that fast path off for the decoder's life.
 */
import { isAscii } from 'node:buffer';
import { TextDecoder } from 'node:util';

import { refuseKnownBinaryFormat } from './binary-signatures.js';
import type { CsvEncoding } from './csv-format.js';

/** A piece of the file's text, with how far into the source it reaches. */
export interface TextPiece {
  readonly text: string;
  /** Bytes taken from the source so far, this piece's included. */
  readonly bytesRead: number;
  /** `undefined` while the text so far is ASCII and an 8-bit encoding is not decided yet. */
  readonly encoding: CsvEncoding | undefined;
}

/** Enough for the part names at the start of a zip (to tell an .xlsx); the parser waits for this much anyway. */
const HEAD_BYTES = 64 * 1024;
/** ASCII text in UTF-16 shows its NUL pattern from the first character; 256 characters are plenty. */
const UTF16_SNIFF_BYTES = 512;
/** How much of an 8-bit file, from its first non-ASCII byte, must be valid UTF-8 for it to be read as UTF-8. */
const DECISION_BYTES = 64 * 1024;

const BYTE_ORDER_MARKS = [
  { encoding: 'utf-8', mark: Buffer.from([0xef, 0xbb, 0xbf]) },
  { encoding: 'utf-16le', mark: Buffer.from([0xff, 0xfe]) },
  { encoding: 'utf-16be', mark: Buffer.from([0xfe, 0xff]) },
] as const;

/**
 * Decodes `chunks`, the bytes of a file, as text. Throws `csv_not_text` (a `LeadImportError`) when the
 * file starts like a known binary format.
 */
export async function* decodeBytes(chunks: AsyncIterator<Uint8Array>): AsyncGenerator<TextPiece> {
  const input = createByteInput(chunks);
  const head = await input.readAtLeast(Buffer.alloc(0), HEAD_BYTES);
  // Decisions look at fixed spans of the file, never at however much the chunks happened to bring.
  refuseKnownBinaryFormat(head.subarray(0, HEAD_BYTES));

  const unicode = detectUnicode(head);
  let encoding: CsvEncoding | undefined = unicode?.encoding;
  let decoder = encoding === undefined ? undefined : createDecoder(encoding);
  let bytes: Buffer | undefined = head.subarray(unicode?.markLength ?? 0);
  while (bytes !== undefined) {
    if (decoder === undefined) {
      const nonAscii = indexOfNonAscii(bytes);
      if (nonAscii === -1) {
        // ASCII is the same in every 8-bit candidate, and Latin-1 is the fastest way to read it.
        yield { text: bytes.toString('latin1'), bytesRead: input.bytesRead, encoding };
        bytes = await input.next();
        continue;
      }
      yield { text: bytes.toString('latin1', 0, nonAscii), bytesRead: input.bytesRead, encoding };
      bytes = await input.readAtLeast(bytes.subarray(nonAscii), DECISION_BYTES);
      encoding = isUtf8Start(bytes.subarray(0, DECISION_BYTES)) ? 'utf-8' : 'windows-1252';
      decoder = createDecoder(encoding);
    }
    yield { text: decoder.decode(bytes, { stream: true }), bytesRead: input.bytesRead, encoding };
    bytes = await input.next();
  }
  // A character cut off by the end of the file becomes U+FFFD.
  const tail = decoder?.decode() ?? '';
  if (tail !== '') yield { text: tail, bytesRead: input.bytesRead, encoding };
}

/** The mark's encoding, UTF-16 recognised by its NULs, or `undefined` for an 8-bit file. */
function detectUnicode(head: Buffer): { encoding: CsvEncoding; markLength: number } | undefined {
  for (const { encoding, mark } of BYTE_ORDER_MARKS) {
    if (head.subarray(0, mark.length).equals(mark)) return { encoding, markLength: mark.length };
  }
  const pairs = Math.floor(Math.min(head.length, UTF16_SNIFF_BYTES) / 2);
  let nulSecond = 0;
  let nulFirst = 0;
  for (let pair = 0; pair < pairs; pair++) {
    const first = head[2 * pair];
    const second = head[2 * pair + 1];
    if (first !== 0 && second === 0) nulSecond += 1;
    else if (first === 0 && second !== 0) nulFirst += 1;
  }
  if (nulSecond * 2 > pairs) return { encoding: 'utf-16le', markLength: 0 };
  if (nulFirst * 2 > pairs) return { encoding: 'utf-16be', markLength: 0 };
  return undefined;
}

function createDecoder(encoding: CsvEncoding): TextDecoder {
  // The byte order mark is skipped before decoding; one met later is a character of the text.
  return new TextDecoder(encoding, { ignoreBOM: true });
}

function indexOfNonAscii(bytes: Buffer): number {
  return isAscii(bytes) ? -1 : bytes.findIndex((byte) => byte >= 0x80);
}

/** Whether `bytes` is valid UTF-8, allowing a character cut off at its end (the next chunk holds the rest). */
function isUtf8Start(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

interface ByteInput {
  /** The next chunk, or `undefined` at the end of the source. */
  next(): Promise<Buffer | undefined>;
  /** `start` followed by further chunks until there are `size` bytes or the source ends. */
  readAtLeast(start: Buffer, size: number): Promise<Buffer>;
  readonly bytesRead: number;
}

function createByteInput(chunks: AsyncIterator<Uint8Array>): ByteInput {
  let bytesRead = 0;
  const next = async (): Promise<Buffer | undefined> => {
    const result = await chunks.next();
    if (result.done === true) return undefined;
    bytesRead += result.value.byteLength;
    // A view, not a copy: `Buffer` gives the Latin-1 decoding and the byte searches used above.
    return Buffer.from(result.value.buffer, result.value.byteOffset, result.value.byteLength);
  };
  return {
    next,
    async readAtLeast(start, size) {
      const parts = [start];
      let length = start.length;
      while (length < size) {
        const chunk = await next();
        if (chunk === undefined) break;
        parts.push(chunk);
        length += chunk.length;
      }
      return parts.length === 1 ? start : Buffer.concat(parts, length);
    },
    get bytesRead() {
      return bytesRead;
    },
  };
}
