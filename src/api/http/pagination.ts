import { Type } from 'typebox';
import { ApiProblem } from './problem.js';

export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 100;

/** The query of every list: `cursor` from the previous page's `nextCursor`, `limit` ≤ 1000. */
export const PageQuery = {
  cursor: Type.Optional(
    Type.String({ description: 'The `nextCursor` of the previous page.', maxLength: 400 }),
  ),
  limit: Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE }),
};

export const pageOf = <T extends ReturnType<typeof Type.Object>>(item: T) =>
  Type.Object({
    data: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()], {
      description: 'Pass as `cursor` for the next page; null on the last page.',
    }),
  });

/**
 * What a list's cursor carries: the key of the page's last row (a list pages by a unique key in its order), and
 * the shape a key must have, so a cursor this API did not give out is refused rather than looked up.
 */
export interface CursorKey<Row> {
  readonly of: (row: Row) => string;
  readonly pattern: RegExp;
}

/**
 * Most lists page by id. Ids are words joined by underscores: `pn_…`, but also a call's charge `chg_call_…` and a
 * webhook delivery `msg_<seq>_whe_…`, whose lists must page too.
 */
const BY_ID: CursorKey<{ readonly id: string }> = {
  of: (row) => row.id,
  pattern: /^[a-z]+(?:_[0-9a-z]+)+$/,
};

/**
 * Cursors are opaque to clients (base64url of the last row's key), so the ordering behind them may change
 * without breaking anyone who only passes them back.
 */
export function decodeCursor(cursor: string | undefined, pattern: RegExp = BY_ID.pattern): string | null {
  if (cursor === undefined) return null;
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!pattern.test(key)) {
    throw new ApiProblem(
      422,
      'validation_failed',
      `cursor is not one this API gave out, got ${JSON.stringify(cursor)}`,
      {
        errors: [
          {
            path: 'cursor',
            message: `must be a nextCursor from a previous page, got ${JSON.stringify(cursor)}`,
          },
        ],
      },
    );
  }
  return key;
}

/** A page of a list ordered by id (see `paginateBy`). */
export function paginate<Row extends { id: string }, Out>(
  query: { cursor?: string | undefined; limit: number },
  read: (page: { after: string | null; limit: number }) => Promise<readonly Row[]>,
  present: (row: Row) => Out,
): Promise<{ data: Out[]; nextCursor: string | null }> {
  return paginateBy(BY_ID, query, read, present);
}

/**
 * A page of a list ordered by `key`: reads one row more than asked to know whether a next page exists, then
 * answers `{data, nextCursor}`.
 */
export async function paginateBy<Row, Out>(
  key: CursorKey<Row>,
  query: { cursor?: string | undefined; limit: number },
  read: (page: { after: string | null; limit: number }) => Promise<readonly Row[]>,
  present: (row: Row) => Out,
): Promise<{ data: Out[]; nextCursor: string | null }> {
  const rows = await read({ after: decodeCursor(query.cursor, key.pattern), limit: query.limit + 1 });
  const pageRows = rows.slice(0, query.limit);
  const last = pageRows.at(-1);
  return {
    data: pageRows.map(present),
    nextCursor:
      rows.length > query.limit && last !== undefined
        ? Buffer.from(key.of(last)).toString('base64url')
        : null,
  };
}
