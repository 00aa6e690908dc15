import { Readable } from 'node:stream';
import { csvLine } from '../../domain/spreadsheet-cell.js';

/** How a CSV export leaves the API: its headers, and a body read from the store while it is sent. */

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** A list read a page at a time by id cursor: the rows after `after`, at most the page size. */
export type PageReader<Row> = (after: string | null) => Promise<readonly Row[]>;

/**
 * The body of a CSV export: the header line, then every row of every page, read from the store only as fast
 * as the client takes them. The reply pipes the stream into the socket and waits for `drain` when the socket
 * is full; `Readable.from` keeps at most one chunk ahead (its buffer holds one), and asks the generator for
 * the next page only when that one has gone out, so about one page is in memory whatever the campaign's size.
 *
 * The first page is passed in already read, so that the route can look at it (leads take their field columns
 * from it) and so that a failure to read it is still an ordinary error response: once the body has started, a
 * failure can only cut the response short, which clients see as a broken transfer rather than a short file.
 */
export function csvBody<Row extends { readonly id: string }>(
  header: readonly string[],
  firstPage: readonly Row[],
  pageSize: number,
  readAfter: PageReader<Row>,
  toLines: (rows: readonly Row[]) => Promise<string>,
): Readable {
  async function* chunks() {
    yield csvLine(header);
    let page = firstPage;
    for (;;) {
      const last = page.at(-1);
      if (last === undefined) return;
      yield await toLines(page);
      if (page.length < pageSize) return;
      page = await readAfter(last.id);
    }
  }
  return Readable.from(chunks());
}

/**
 * `attachment; filename=…`, per RFC 6266, from the campaign's name (its id when the name has no letter or
 * digit).
 */
export function csvAttachment(
  campaign: { readonly id: string; readonly name: string },
  what: string,
): string {
  const named = (name: string) => `${/[\p{L}\p{N}]/u.test(name) ? name : campaign.id}-${what}.csv`;
  const safe = [...campaign.name].map((c) => (isUnsafeInFileName(c) ? '_' : c)).join('');
  // `filename` must be plain ASCII; browsers that know `filename*` (all current ones) prefer its UTF-8 form.
  const ascii = safe.replace(/[^ -~]/gu, '_');
  return `attachment; filename="${named(ascii)}"; filename*=UTF-8''${encodeRfc5987(named(safe))}`;
}

/** Control characters (they would also break the header) and what Windows refuses in file names. */
function isUnsafeInFileName(character: string): boolean {
  return character < ' ' || character === '\u007f' || '"\\/:*?<>|'.includes(character);
}

/**
 * RFC 5987 `value-chars`: percent-encoded UTF-8, where `encodeURIComponent` leaves `'()*` that are not
 * allowed.
 */
function encodeRfc5987(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
