import { Type } from 'typebox';
import { IMPORT_JOB_STATUSES } from '../../domain/import-job.js';
import type { ColumnRole } from '../../engine/ports/lead-importer.js';
import { Instant, Nullable, NullableInstant } from './common.js';

/** A column's header as written in the file. */
const ColumnName = Type.String({
  minLength: 1,
  maxLength: 200,
  pattern: '\\S',
  'x-allowed': 'a column name as written in the header',
});

/**
 * Which column plays which part (`ColumnMappingInput`); roles left out are found from the headers. Sent as JSON
 * text in the `mapping` query parameter or form field, so it is checked by the route rather than by Fastify.
 */
export const ColumnMapping = Type.Object(
  {
    phone: Type.Optional(ColumnName),
    secondary: Type.Optional(
      Type.Array(ColumnName, { maxItems: 20, description: 'Dialed in this order after the primary.' }),
    ),
    name: Type.Optional(ColumnName),
    firstName: Type.Optional(ColumnName),
    lastName: Type.Optional(ColumnName),
    email: Type.Optional(ColumnName),
    timezone: Type.Optional(ColumnName),
    externalId: Type.Optional(ColumnName),
    fields: Type.Optional(
      Type.Array(ColumnName, {
        maxItems: 500,
        description: 'Columns kept as lead fields under their header, whatever the header suggests.',
      }),
    ),
    ignore: Type.Optional(
      Type.Array(ColumnName, {
        maxItems: 500,
        description: 'Columns left out: neither a role nor a lead field.',
      }),
    ),
  },
  { additionalProperties: false, description: 'Column names by role, e.g. {"phone": "Mobile"}.' },
);

const CountryCode = Type.String({
  pattern: '^[A-Z]{2}$',
  'x-allowed': 'a two-letter ISO 3166-1 country code such as "US"',
  description:
    "How numbers written without a country code are read. Default: the server's --default-country.",
});

const MappingText = Type.String({
  maxLength: 10_000,
  description: 'The column mapping as JSON text, e.g. {"phone": "Mobile", "secondary": ["Office"]}.',
});

/** Options of an upload: in the query with a `text/csv` body, as form fields with a multipart one. */
export const ImportOptions = {
  defaultCountry: Type.Optional(CountryCode),
  mapping: Type.Optional(MappingText),
};

export const ImportQuery = Type.Object({
  ...ImportOptions,
  fileName: Type.Optional(
    Type.String({ maxLength: 255, description: 'Shown in the job (text/csv uploads: a file has no name).' }),
  ),
  wait: Type.Boolean({
    default: false,
    description:
      'Answer once the import has ended, with the finished job (201, or the failure as a problem).',
  }),
});

const FILE_DESCRIPTION =
  'A CSV file: UTF-8 (with or without BOM), UTF-16 or Windows-1252; comma, semicolon, tab or pipe separated.';

/** What the OpenAPI document says of the body; the route streams it to disk rather than validating it. */
export const ImportUpload = {
  content: {
    'text/csv': { schema: Type.String({ description: FILE_DESCRIPTION }) },
    'multipart/form-data': {
      schema: Type.Object({
        // `format: binary` is what makes Swagger UI offer a file picker; `contentMediaType` is OpenAPI 3.1's word.
        file: Type.String({ format: 'binary', contentMediaType: 'text/csv', description: FILE_DESCRIPTION }),
        ...ImportOptions,
      }),
    },
  },
};

const Counts = Type.Object({
  rows: Type.Integer({ description: 'Data rows read (blank lines not counted).' }),
  leads: Type.Integer({ description: 'Leads created.' }),
  contacts: Type.Integer({ description: 'Numbers added, secondary ones included.' }),
  duplicates: Type.Integer({ description: 'Numbers already in the campaign or earlier in the file.' }),
  invalid: Type.Integer({
    description: 'Values refused: rows without a valid number, bad secondary numbers.',
  }),
  suppressed: Type.Integer({ description: "Numbers on the account's do-not-call list." }),
});

export const ImportJob = Type.Object({
  id: Type.String(),
  campaignId: Type.String(),
  status: Type.Enum(IMPORT_JOB_STATUSES, {
    description:
      'running, completed or failed. A running job that wrote no progress for 5 minutes lost its server: ' +
      'it reads as failed with the problem import_interrupted.',
  }),
  fileName: Nullable(Type.String()),
  defaultCountry: Type.String(),
  mapping: Nullable(ColumnMapping),
  bytesTotal: Type.Integer({ description: 'The size of the uploaded file.' }),
  bytesRead: Type.Integer({
    description: 'How far the import has read it: progress is bytesRead / bytesTotal.',
  }),
  counts: Counts,
  rejectedValues: Type.Integer({ description: 'Lines in the error file (errorsUrl).' }),
  problem: Nullable(
    Type.Object(
      { code: Type.String(), message: Type.String() },
      { description: 'Why the file as a whole could not be imported (failed jobs only).' },
    ),
  ),
  createdAt: Instant,
  updatedAt: Type.String({ format: 'date-time', description: 'When progress was last written.' }),
  finishedAt: NullableInstant,
  errorsUrl: Type.String({
    description: 'The error file: row, column, value and reason of each refused value.',
  }),
});

export const PREVIEW_MAX_ROWS = 100;

/** What a column of a preview becomes: a key of `ColumnMapping`, a lead field, or nothing. */
const COLUMN_ROLES = [
  'phone',
  'secondary',
  'name',
  'firstName',
  'lastName',
  'email',
  'timezone',
  'externalId',
  'field',
  'ignored',
] as const satisfies readonly ColumnRole[];

export const ImportPreviewQuery = Type.Object({
  ...ImportOptions,
  rows: Type.Integer({
    minimum: 1,
    maximum: PREVIEW_MAX_ROWS,
    default: 10,
    description: 'How many data rows to show, from the first.',
  }),
  wholeFile: Type.Boolean({
    default: false,
    description: 'The body is the whole file: its last row is read even without a line break after it.',
  }),
});

/** The body of a preview: the start of the file, as it is (the encoding is found from its bytes). */
export const ImportPreviewUpload = {
  content: {
    'text/csv': {
      schema: Type.String({
        description:
          "The file's first bytes (64 KiB is plenty), as they are. Unless they end with a line break, the last " +
          'row is taken as cut off and left out.',
      }),
    },
  },
};

const PreviewRow = Type.Object({
  rowNumber: Type.Integer({ description: 'As a spreadsheet numbers it: the header is row 1.' }),
  phone: Type.Union([Type.String(), Type.Null()], {
    description: 'E.164; null when the row has no valid primary number (the import refuses the row).',
  }),
  secondaryPhones: Type.Array(Type.String(), { description: 'E.164, in dialing order.' }),
  name: Nullable(Type.String()),
  externalId: Nullable(Type.String()),
  fields: Type.Record(Type.String(), Type.String(), { description: 'The other columns, by header.' }),
  errors: Type.Array(Type.Object({ column: Type.String(), value: Type.String(), reason: Type.String() }), {
    description: 'The values the import would refuse, as its error file names them.',
  }),
});

export const ImportPreview = Type.Object({
  encoding: Type.String({ description: 'utf-8, utf-16le, utf-16be or windows-1252.' }),
  delimiter: Type.String({ description: 'The column separator found: `,` `;` tab or `|`.' }),
  headers: Type.Array(Type.String(), { description: 'The header row, trimmed.' }),
  columns: Type.Array(
    Type.Object({
      header: Type.String(),
      role: Type.Enum(COLUMN_ROLES, {
        description:
          "The column's part: a role of the mapping (its key), `field` (kept as a lead field), or `ignored` " +
          "(listed in the mapping's `ignore`, or a column without a header).",
      }),
    }),
  ),
  rows: Type.Array(PreviewRow, { description: 'Empty when the mapping was refused (problem).' }),
  problem: Nullable(
    Type.Object(
      { code: Type.String(), message: Type.String() },
      {
        description:
          'Why the import would refuse this mapping of the file (csv_no_phone_column, mapping_conflict, …), with ' +
          'the columns as the import keeps columns without a role (field, or ignored without a header) and no ' +
          'rows: send a mapping that names the roles. Null when the file can be imported this way.',
      },
    ),
  ),
});
