import { Type } from 'typebox';
import type { ColumnMappingInput } from '../../engine/ports/lead-importer.js';
import { invalidRequest } from '../http/problem.js';
import { compileValidator, toFieldErrors } from '../http/validation.js';
import { ColumnMapping, ImportOptions } from '../schemas/imports.js';

/** How to read an uploaded file, once checked. */
export interface ReadOptions {
  /** Null: the server's default. */
  readonly defaultCountry: string | null;
  /** Null: found from the headers. */
  readonly mapping: ColumnMappingInput | null;
}

const validateMapping = compileValidator(ColumnMapping, 'body');
const validateFields = compileValidator(Type.Object(ImportOptions, { additionalProperties: false }), 'body');

/** A long value is shown by its start: enough to recognise it in an error message. */
const SHOWN_CHARACTERS = 120;
const show = (text: string) =>
  JSON.stringify(text.length > SHOWN_CHARACTERS ? `${text.slice(0, SHOWN_CHARACTERS)}…` : text);

/**
 * `mapping` is JSON text (a query parameter or a form field cannot hold an object): parsed, then checked against
 * the same schema the OpenAPI document shows, with errors under `mapping.` (`mapping.secondary[1]`).
 */
function parseMapping(text: string | undefined): ColumnMappingInput | null {
  if (text === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidRequest([
      {
        path: 'mapping',
        message: `must be JSON text of column names by role, such as {"phone": "Mobile"}, got ${show(text)}`,
      },
    ]);
  }
  if (validateMapping(value)) return value as ColumnMappingInput;
  throw invalidRequest(
    toFieldErrors(validateMapping.errors ?? []).map((e) => ({
      path: e.path === '' ? 'mapping' : `mapping.${e.path}`,
      message: e.message,
    })),
  );
}

/** The options of a `text/csv` upload, from its query (whose shape Fastify has checked already). */
export function readQueryOptions(query: { defaultCountry?: string; mapping?: string }): ReadOptions {
  return { defaultCountry: query.defaultCountry ?? null, mapping: parseMapping(query.mapping) };
}

/**
 * The options of a multipart upload: its form fields, checked here (they arrive after Fastify's validation), or
 * the query's when a field is left out.
 */
export function readFormOptions(
  fields: Readonly<Record<string, string>>,
  query: { defaultCountry?: string; mapping?: string },
): ReadOptions {
  if (!validateFields(fields)) throw invalidRequest(toFieldErrors(validateFields.errors ?? []));
  return readQueryOptions({ ...query, ...fields });
}
