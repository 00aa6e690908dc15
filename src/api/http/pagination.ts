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
 * Cursors are opaque to clients (base64url of the last row's id), so the ordering behind them may change
 * without breaking anyone who only passes them back.
 */
export function decodeCursor(cursor: string | undefined): string | null {
  if (cursor === undefined) return null;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  // Ids are words joined by underscores: `pn_…`, but also a call's charge `chg_call_…` and a webhook delivery
  // `msg_<seq>_whe_…`, whose lists must page too.
  if (!/^[a-z]+(?:_[0-9a-z]+)+$/.test(id)) {
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
  return id;
}

/**
 * Reads one row more than asked to know whether a next page exists, then answers `{data, nextCursor}`.
 */
export async function paginate<Row extends { id: string }, Out>(
  query: { cursor?: string | undefined; limit: number },
  read: (page: { after: string | null; limit: number }) => Promise<readonly Row[]>,
  present: (row: Row) => Out,
): Promise<{ data: Out[]; nextCursor: string | null }> {
  const rows = await read({ after: decodeCursor(query.cursor), limit: query.limit + 1 });
  const pageRows = rows.slice(0, query.limit);
  const last = pageRows.at(-1);
  return {
    data: pageRows.map(present),
    nextCursor: rows.length > query.limit && last ? Buffer.from(last.id).toString('base64url') : null,
  };
}
