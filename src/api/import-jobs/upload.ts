import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { ApiProblem, invalidRequest } from '../http/problem.js';

/**
 * Receiving a lead file: the body is streamed to a temporary file as it arrives, never held in memory, so a
 * file of any size up to the limit costs a few buffers of RAM. The import then reads the file from disk at its
 * own pace, after the request has been answered.
 */

/** An uploaded file on disk, until `remove`. */
export interface SpooledFile {
  readonly path: string;
  readonly bytes: number;
  /** Deletes the file (and its folder); safe to call twice. */
  remove(): Promise<void>;
}

export interface Upload {
  readonly file: SpooledFile;
  /** The multipart part's file name; null for a `text/csv` body. */
  readonly fileName: string | null;
  /** The text fields of a multipart upload, by name (empty for `text/csv`). */
  readonly fields: Readonly<Record<string, string>>;
}

/** How many form fields an upload may carry besides its file, and how large each: options are small. */
const MAX_FIELDS = 10;
const MAX_FIELD_BYTES = 64 * 1024;

/** A limit in the largest binary unit it is a whole number of: `2 GiB`, `10 MiB`, `100 bytes`. */
function formatSize(bytes: number): string {
  const units = [
    ['GiB', 1024 ** 3],
    ['MiB', 1024 ** 2],
    ['KiB', 1024],
  ] as const;
  const unit = units.find(([, size]) => bytes % size === 0);
  return unit === undefined ? `${bytes} bytes` : `${bytes / unit[1]} ${unit[0]}`;
}

const fileTooLarge = (limitBytes: number) =>
  new ApiProblem(
    413,
    'file_too_large',
    `the file is larger than the ${formatSize(limitBytes)} this server accepts for an import: split it into smaller files`,
  );

/** A `text/csv` body: the request's stream, refused at once when its declared length is over the limit. */
export async function receiveCsvBody(
  request: FastifyRequest,
  body: Readable,
  limitBytes: number,
): Promise<Upload> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limitBytes) throw fileTooLarge(limitBytes);
  return { file: await spoolToTempFile(body, limitBytes), fileName: null, fields: {} };
}

/**
 * A `multipart/form-data` body: the part named `file` goes to disk, text fields are kept (before or after the
 * file, in any order). One file per upload.
 */
export async function receiveMultipart(request: FastifyRequest, limitBytes: number): Promise<Upload> {
  let upload: { file: SpooledFile; fileName: string | null } | null = null;
  const fields: Record<string, string> = {};
  try {
    const parts = request.parts({
      limits: { fileSize: limitBytes, files: 1, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES },
    });
    for await (const part of parts) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== 'file') {
        throw invalidRequest([
          { path: part.fieldname, message: 'is not a known file part: send the CSV file as the part "file"' },
        ]);
      }
      const file = await spoolToTempFile(part.file, limitBytes);
      upload = { file, fileName: part.filename || null };
      // Busboy stops at the limit and marks the part truncated instead of failing it.
      if (part.file.truncated) throw fileTooLarge(limitBytes);
    }
  } catch (error) {
    await upload?.file.remove();
    throw multipartProblem(error, limitBytes);
  }
  if (upload === null) {
    throw invalidRequest([
      { path: 'file', message: 'is required: a multipart upload carries the CSV file in the part "file"' },
    ]);
  }
  return { ...upload, fields };
}

/**
 * @fastify/multipart's limit errors in this API's words, and busboy's parse errors (plain errors without a code:
 * a truncated body, a missing boundary) as the client's fault; anything else is left to the error handler.
 */
function multipartProblem(error: unknown, limitBytes: number): unknown {
  if (error instanceof ApiProblem || !(error instanceof Error)) return error;
  const code = (error as { code?: unknown }).code;
  if (code === undefined) {
    return new ApiProblem(
      400,
      'invalid_multipart',
      `the multipart body cannot be read (${error.message}): send a multipart/form-data body with its boundary, or the file alone as text/csv`,
    );
  }
  if (code === 'FST_REQ_FILE_TOO_LARGE') return fileTooLarge(limitBytes);
  if (code === 'FST_FILES_LIMIT') {
    return invalidRequest([{ path: 'file', message: 'is sent more than once: upload one file at a time' }]);
  }
  if (code === 'FST_FIELDS_LIMIT') {
    return invalidRequest([
      {
        path: '',
        message: `has more than ${MAX_FIELDS} form fields: send the file, mapping and defaultCountry`,
      },
    ]);
  }
  return error;
}

/** Copies `source` into a new temporary file, failing with 413 beyond `limitBytes`; nothing is left on failure. */
async function spoolToTempFile(source: Readable, limitBytes: number): Promise<SpooledFile> {
  const folder = await mkdtemp(join(tmpdir(), 'callwright-import-'));
  const remove = () => rm(folder, { recursive: true, force: true });
  const path = join(folder, 'upload.csv');
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > limitBytes ? fileTooLarge(limitBytes) : null, chunk);
    },
  });
  try {
    await pipeline(source, limit, createWriteStream(path));
    return { path, bytes, remove };
  } catch (error) {
    await remove();
    if ((error as { code?: unknown }).code === 'ERR_STREAM_PREMATURE_CLOSE') {
      throw new ApiProblem(
        400,
        'upload_incomplete',
        'the upload ended before the whole file arrived: send it again',
      );
    }
    throw error;
  }
}
