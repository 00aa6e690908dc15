/**
 * The text of a CSV source, piece by piece: a whole string, chunks of text, or chunks of bytes (decoded by
 * `decode-bytes.ts`, which finds the encoding). A leading byte order mark is never part of the text.
 */
import type { CsvEncoding } from './csv-format.js';
import { decodeBytes } from './decode-bytes.js';
import type { TextPiece } from './decode-bytes.js';

export type CsvSource = AsyncIterable<Uint8Array | string> | string;

/** A string given whole is handed on in slices of this size, so the parser holds one slice's rows at a time. */
const STRING_SLICE_CHARS = 256 * 1024;
/** Text given as strings is already decoded; UTF-8 is the encoding its byte counts are taken in. */
const TEXT_ENCODING: CsvEncoding = 'utf-8';

/**
 * Reads `source` as text. Chunks must all be strings or all be bytes (`Uint8Array`, `Buffer`); the first
 * chunk decides which, and a chunk of the other kind is a `TypeError`. For text, `bytesRead` counts UTF-8
 * bytes.
 */
export async function* readSourceText(source: CsvSource): AsyncGenerator<TextPiece> {
  if (typeof source === 'string') {
    yield* readStrings(sliceString(source));
    return;
  }
  const chunks = source[Symbol.asyncIterator]();
  try {
    const first = await chunks.next();
    if (first.done === true) return;
    if (typeof first.value === 'string') {
      yield* readStrings(chunksOfOneKind(first.value, chunks, isText, 'a string'));
    } else {
      yield* decodeBytes(chunksOfOneKind(first.value, chunks, isBytes, 'bytes'));
    }
  } finally {
    // Reading may stop early (an error, or the caller is done): let the source close its file or socket.
    await chunks.return?.();
  }
}

async function* readStrings(texts: AsyncIterable<string> | Iterable<string>): AsyncGenerator<TextPiece> {
  let bytesRead = 0;
  // A byte order mark can only open the text: it is looked for in the first chunk that is not empty.
  let atStart = true;
  for await (const chunk of texts) {
    const text = atStart ? withoutBom(chunk) : chunk;
    atStart &&= chunk === '';
    bytesRead += Buffer.byteLength(chunk);
    yield { text, bytesRead, encoding: TEXT_ENCODING };
  }
}

function* sliceString(text: string): Generator<string> {
  for (let offset = 0; offset < text.length; offset += STRING_SLICE_CHARS) {
    yield text.slice(offset, offset + STRING_SLICE_CHARS);
  }
}

function withoutBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

const isText = (chunk: Uint8Array | string): chunk is string => typeof chunk === 'string';
const isBytes = (chunk: Uint8Array | string): chunk is Uint8Array => typeof chunk !== 'string';

/** `first`, then the rest of `chunks`, refusing a chunk of another kind than `first`. */
async function* chunksOfOneKind<T extends Uint8Array | string>(
  first: T,
  chunks: AsyncIterator<Uint8Array | string>,
  isKind: (chunk: Uint8Array | string) => chunk is T,
  kind: string,
): AsyncGenerator<T> {
  yield first;
  for (let index = 1; ; index++) {
    const result = await chunks.next();
    if (result.done === true) return;
    if (!isKind(result.value)) {
      throw new TypeError(
        `CSV source chunk ${index} is ${typeof result.value === 'string' ? 'a string' : 'bytes'} but chunk 0 ` +
          `was ${kind}: give every chunk as bytes (Uint8Array) or every chunk as a string.`,
      );
    }
    yield result.value;
  }
}
