/**
 * Which column plays which part (the import issue's column mapping), from the header row and an optional
 * explicit mapping:
 *
 * 1. Explicit entries fill their roles first; their columns are out of the automatic mapping.
 * 2. Each other single role takes the column whose header names it most specifically (`header-meaning.ts`):
 *    `phone` over `mobile`, `full_name` over `name`, `external_id` over `id`.
 * 3. Secondary numbers, unless given explicitly: the numbered columns (`secondary_phone`, `secondary_phone_2`,
 *    `phone2`) by their number, then in file order the other secondary columns (`office`, `alt_phone`) and the
 *    phone columns that did not become the primary one (`mobile` beside `phone`). With `phone`,
 *    `secondary_phone`, `secondary_phone_2`, … only, this is the original leads.csv format, unchanged.
 * 4. Every other column with a header is a lead field under its header, unless the mapping ignores it; a column
 *    without a header is ignored. A column the mapping lists in `fields` is a field whatever its header says.
 */
import type { ColumnMappingInput } from '../../engine/ports/lead-importer.js';
import { LeadImportError } from '../import-error.js';
import { findExplicitColumns } from './explicit-columns.js';
import { normalizeHeader, recognizeHeader } from './header-meaning.js';
import type { HeaderMeaning } from './header-meaning.js';
import type { ColumnMapping, MappedColumn } from './mapping-types.js';
import { quoteHeaders } from './quoted-headers.js';
import { ROLE_NAMES, VARIABLE_ROLES } from './roles.js';
import type { SingleColumnRole } from './roles.js';

interface Candidate extends MappedColumn {
  readonly meaning: HeaderMeaning;
}

/**
 * The mapping for a file whose header row is `rawHeaders`. Throws a `LeadImportError`: `csv_duplicate_column`,
 * `csv_no_phone_column`, `mapping_unknown_column` or `mapping_conflict`, each saying what to change.
 */
export function resolveColumnMapping(
  rawHeaders: readonly string[],
  explicit: ColumnMappingInput = {},
): ColumnMapping {
  const headers = rawHeaders.map((header) => header.trim());
  refuseRepeatedHeaders(headers);
  const chosen = findExplicitColumns(headers, explicit);
  const candidates = findCandidates(headers, chosen.taken);
  const columnAt = (index: number): MappedColumn => ({ index, header: headers[index] ?? '' });
  const single = (role: SingleColumnRole): MappedColumn | null => {
    const index = chosen.single[role] ?? bestCandidate(candidates, role);
    return index === undefined ? null : columnAt(index);
  };

  const phone = single('phone');
  if (phone === null) throw noPhoneColumn(headers);
  const roles = {
    phone,
    name: single('name'),
    firstName: single('firstName'),
    lastName: single('lastName'),
    email: single('email'),
    timezone: single('timezone'),
    externalId: single('externalId'),
  };
  const used = new Set(Object.values(roles).flatMap((column) => (column === null ? [] : [column.index])));
  const secondaries = chosen.secondaries?.map(columnAt) ?? automaticSecondaries(candidates, used);
  for (const { index } of secondaries) used.add(index);
  const fields = headers.flatMap((header, index) =>
    header === '' || used.has(index) || chosen.ignored.has(index) ? [] : [{ index, header }],
  );

  const mapping = { ...roles, secondaries, fields };
  refuseFieldKeyClashes(mapping);
  return mapping;
}

/** Two columns with one header would be one lead field, or leave a mapping by header ambiguous. */
function refuseRepeatedHeaders(headers: readonly string[]): void {
  const firstIndex = new Map<string, number>();
  headers.forEach((header, index) => {
    if (header === '') return;
    const earlier = firstIndex.get(header);
    if (earlier !== undefined) {
      throw new LeadImportError(
        'csv_duplicate_column',
        `The CSV header has the column "${header}" twice (columns ${earlier + 1} and ${index + 1}): ` +
          'rename or remove one of them.',
      );
    }
    firstIndex.set(header, index);
  });
}

/**
 * The columns the explicit mapping left whose header suggests a role, in file order. Two of them named alike
 * (`Phone` and `phone`) are refused rather than one picked silently; mapping them explicitly settles it.
 */
function findCandidates(headers: readonly string[], taken: ReadonlySet<number>): Candidate[] {
  const byName = new Map<string, Candidate>();
  headers.forEach((header, index) => {
    const meaning = header === '' || taken.has(index) ? null : recognizeHeader(header);
    if (meaning === null) return;
    const name = normalizeHeader(header);
    const alike = byName.get(name);
    if (alike !== undefined) {
      throw new LeadImportError(
        'csv_duplicate_column',
        `The CSV header has "${alike.header}" and "${header}", which both mean ${ROLE_NAMES[meaning.role]}: ` +
          'rename or remove one of them, or map them explicitly (`--map`).',
      );
    }
    byName.set(name, { index, header, meaning });
  });
  return [...byName.values()];
}

/** The lowest rank wins; candidates come in file order, so the first column wins a tie. */
function bestCandidate(candidates: readonly Candidate[], role: SingleColumnRole): number | undefined {
  let best: Candidate | undefined;
  for (const candidate of candidates) {
    if (candidate.meaning.role !== role) continue;
    if (best === undefined || candidate.meaning.rank < best.meaning.rank) best = candidate;
  }
  return best?.index;
}

function automaticSecondaries(candidates: readonly Candidate[], used: ReadonlySet<number>): MappedColumn[] {
  const dialed = candidates.filter(
    ({ index, meaning }) =>
      !used.has(index) &&
      (meaning.role === 'secondary' || (meaning.role === 'phone' && meaning.dialedWhenNotPrimary)),
  );
  // Unnumbered columns go after numbered ones; `sort` is stable, so equal ones keep their file order.
  const order = ({ meaning }: Candidate) => meaning.sequence ?? Number.MAX_SAFE_INTEGER;
  return dialed.sort((a, b) => order(a) - order(b)).map(({ index, header }) => ({ index, header }));
}

function noPhoneColumn(headers: readonly string[]): LeadImportError {
  return new LeadImportError(
    'csv_no_phone_column',
    `The CSV header has no phone column; found ${quoteHeaders(headers)}. Name the column holding the numbers ` +
      'to call `phone` (or `Phone Number`, `mobile`, `tel`), or map it: `--map phone=<column>` on the command ' +
      'line, `"mapping": {"phone": "<column>"}` in the API.',
  );
}

/** A variable role's value is the field `email`, `first_name`, …: a column of that name left as a field would clash. */
function refuseFieldKeyClashes(mapping: ColumnMapping): void {
  for (const role of VARIABLE_ROLES) {
    const source = mapping[role];
    const key = ROLE_NAMES[role];
    const clash = mapping.fields.find(({ header }) => header === key);
    if (source === null || clash === undefined) continue;
    throw new LeadImportError(
      'mapping_conflict',
      `The column "${clash.header}" would be the lead field "${key}", which the mapping fills from the ` +
        `column "${source.header}" (${key}): rename "${clash.header}", or map it to another role.`,
    );
  }
}
