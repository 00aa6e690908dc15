import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { ColumnMappingInput } from '../engine/ports/lead-importer.js';
import { columnRoles, describeMapping, mapRecord, resolveColumnMapping } from './column-mapping.js';
import type { ColumnMapping, MappedColumn } from './column-mapping.js';
import { LeadImportError } from './import-error.js';

const headersOf = (columns: readonly MappedColumn[]) => columns.map(({ header }) => header);

/** The mapping as a reader checks it: each role's header, secondary and field headers in order. */
function summary(mapping: ColumnMapping) {
  const header = (column: MappedColumn | null) => column?.header ?? null;
  return {
    phone: mapping.phone.header,
    secondaries: headersOf(mapping.secondaries),
    name: header(mapping.name),
    firstName: header(mapping.firstName),
    lastName: header(mapping.lastName),
    email: header(mapping.email),
    timezone: header(mapping.timezone),
    externalId: header(mapping.externalId),
    fields: headersOf(mapping.fields),
  };
}

const none = {
  secondaries: [],
  name: null,
  firstName: null,
  lastName: null,
  email: null,
  timezone: null,
  externalId: null,
  fields: [],
};

function resolveError(headers: readonly string[], explicit?: ColumnMappingInput): LeadImportError {
  try {
    resolveColumnMapping(headers, explicit);
  } catch (error) {
    if (error instanceof LeadImportError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(headers)} to be refused`);
}

describe('resolveColumnMapping: header names', () => {
  it.each([
    'phone',
    'Phone',
    'PHONE',
    ' phone ',
    'phone_number',
    'Phone Number',
    'PHONE-NUMBER',
    'phoneNumber',
    'primary_phone',
    'phone_1',
    'telephone',
    'Telephone Number',
    'tel',
    'mobile',
    'mobile_phone',
    'Mobile Number',
    'cell',
    'Cell Phone',
    'number',
  ])('reads "%s" as the phone', (header) => {
    expect(resolveColumnMapping(['notes', header]).phone).toEqual({ index: 1, header: header.trim() });
  });

  it.each([
    'secondary_phone',
    'Secondary Phone',
    'secondary_phone_2',
    'phone2',
    'phone_2',
    'Phone 3',
    'alt_phone',
    'Alternate Phone',
    'alternative_phone',
    'other_phone',
    'office',
    'Office Phone',
    'work_phone',
    'business_phone',
    'Home Phone',
    'landline',
    'mobile',
    'Cell',
    'tel',
  ])('reads "%s" beside a phone column as a secondary number', (header) => {
    expect(summary(resolveColumnMapping(['phone', header]))).toEqual({
      ...none,
      phone: 'phone',
      secondaries: [header],
    });
  });

  it.each([
    ['name', 'name'],
    ['full_name', 'name'],
    ['Full Name', 'name'],
    ['contact_name', 'name'],
    ['first_name', 'firstName'],
    ['firstname', 'firstName'],
    ['First Name', 'firstName'],
    ['first', 'firstName'],
    ['given_name', 'firstName'],
    ['last_name', 'lastName'],
    ['LastName', 'lastName'],
    ['surname', 'lastName'],
    ['family_name', 'lastName'],
    ['last', 'lastName'],
    ['email', 'email'],
    ['E-mail', 'email'],
    ['email_address', 'email'],
    ['Email Address', 'email'],
    ['timezone', 'timezone'],
    ['time_zone', 'timezone'],
    ['Time Zone', 'timezone'],
    ['tz', 'timezone'],
    ['external_id', 'externalId'],
    ['External ID', 'externalId'],
    ['id', 'externalId'],
    ['crm_id', 'externalId'],
    ['contact_id', 'externalId'],
    ['record_id', 'externalId'],
  ] as const)('reads "%s" as %s', (header, role) => {
    expect(summary(resolveColumnMapping(['phone', header]))).toEqual({
      ...none,
      phone: 'phone',
      [role]: header,
    });
  });

  it.each(['company', 'Account Id', 'phone_type', 'names', 'e_mail_opt_in', 'Téléphone'])(
    'keeps "%s" as a lead field under its header',
    (header) => {
      expect(resolveColumnMapping(['phone', header]).fields).toEqual([{ index: 1, header }]);
    },
  );
});

describe('resolveColumnMapping: choosing among candidates', () => {
  it.each([
    { headers: ['mobile', 'phone'], phone: 'phone', secondaries: ['mobile'], fields: [] },
    {
      headers: ['Cell', 'Telephone', 'Mobile'],
      phone: 'Telephone',
      secondaries: ['Cell', 'Mobile'],
      fields: [],
    },
    { headers: ['phone_number', 'phone'], phone: 'phone', secondaries: ['phone_number'], fields: [] },
    { headers: ['phone', 'primary_phone'], phone: 'primary_phone', secondaries: ['phone'], fields: [] },
    {
      // Outlook's contact export.
      headers: ['Business Phone', 'Home Phone', 'Mobile Phone', 'Primary Phone'],
      phone: 'Primary Phone',
      secondaries: ['Business Phone', 'Home Phone', 'Mobile Phone'],
      fields: [],
    },
    {
      headers: ['phone_2', 'phone_1', 'phone'],
      phone: 'phone',
      secondaries: ['phone_1', 'phone_2'],
      fields: [],
    },
    { headers: ['phone_2', 'phone_1'], phone: 'phone_1', secondaries: ['phone_2'], fields: [] },
    {
      headers: ['office', 'secondary_phone_2', 'mobile', 'phone', 'secondary_phone'],
      phone: 'phone',
      secondaries: ['secondary_phone', 'secondary_phone_2', 'office', 'mobile'],
      fields: [],
    },
    // `number` is the phone only when nothing else is, and never a secondary number.
    { headers: ['number', 'mobile'], phone: 'mobile', secondaries: [], fields: ['number'] },
    { headers: ['number', 'name'], phone: 'number', secondaries: [], fields: [] },
  ])('$headers: phone $phone, secondaries $secondaries', ({ headers, phone, secondaries, fields }) => {
    const mapping = summary(resolveColumnMapping(headers));
    expect({ phone: mapping.phone, secondaries: mapping.secondaries, fields: mapping.fields }).toEqual({
      phone,
      secondaries,
      fields,
    });
  });

  it.each([
    { headers: ['name', 'full_name', 'contact_name'], role: 'name', chosen: 'full_name' },
    { headers: ['name', 'contact_name'], role: 'name', chosen: 'contact_name' },
    { headers: ['first', 'given_name', 'first_name'], role: 'firstName', chosen: 'first_name' },
    { headers: ['last', 'surname', 'family_name'], role: 'lastName', chosen: 'family_name' },
    { headers: ['email_address', 'E-mail'], role: 'email', chosen: 'E-mail' },
    { headers: ['tz', 'timezone'], role: 'timezone', chosen: 'timezone' },
    { headers: ['id', 'record_id', 'contact_id', 'crm_id'], role: 'externalId', chosen: 'crm_id' },
    { headers: ['id', 'external_id', 'crm_id'], role: 'externalId', chosen: 'external_id' },
  ] as const)('$role: $chosen wins among $headers, the others are fields', ({ headers, role, chosen }) => {
    const mapping = resolveColumnMapping(['phone', ...headers]);
    expect(mapping[role]?.header).toBe(chosen);
    expect(headersOf(mapping.fields)).toEqual(headers.filter((header) => header !== chosen));
  });

  it('keeps headers that differ in case as separate fields when they mean no role', () => {
    expect(headersOf(resolveColumnMapping(['phone', 'Company', 'company']).fields)).toEqual([
      'Company',
      'company',
    ]);
  });

  it('ignores columns without a header', () => {
    expect(summary(resolveColumnMapping(['', 'phone', '  ', 'name', '']))).toEqual({
      ...none,
      phone: 'phone',
      name: 'name',
    });
  });
});

describe('resolveColumnMapping: the original leads.csv format', () => {
  it.each([
    {
      headers: ['phone', 'secondary_phone', 'secondary_phone_2', 'name', 'company'],
      expected: {
        phone: 'phone',
        secondaries: ['secondary_phone', 'secondary_phone_2'],
        name: 'name',
        fields: ['company'],
      },
    },
    {
      headers: ['secondary_phone_3', 'phone', 'secondary_phone_2', 'secondary_phone', 'secondary_phone_10'],
      expected: {
        phone: 'phone',
        secondaries: ['secondary_phone', 'secondary_phone_2', 'secondary_phone_3', 'secondary_phone_10'],
      },
    },
    {
      headers: [' Phone ', ' NAME ', 'Secondary_Phone', ' Account Id '],
      expected: { phone: 'Phone', secondaries: ['Secondary_Phone'], name: 'NAME', fields: ['Account Id'] },
    },
  ])('$headers', ({ headers, expected }) => {
    expect(summary(resolveColumnMapping(headers))).toEqual({ ...none, ...expected });
  });

  const examples = join(import.meta.dirname, '../../examples');
  it.each(readdirSync(examples).filter((file) => file.endsWith('.csv')))(
    'maps examples/%s as before: phone, secondary_phone* by number, name, and fields',
    (file) => {
      const [headerLine = ''] = readFileSync(join(examples, file), 'utf8').split('\n');
      const headers = headerLine.split(',');
      // The example files list their secondary columns in number order.
      const secondaries = headers.filter((header) => /^secondary_phone/.test(header));
      expect(summary(resolveColumnMapping(headers))).toEqual({
        ...none,
        phone: 'phone',
        secondaries,
        name: headers.includes('name') ? 'name' : null,
        fields: headers.filter((header) => !/^(phone|secondary_phone.*|name)$/.test(header)),
      });
    },
  );
});

describe('resolveColumnMapping: explicit mapping', () => {
  it.each<{ title: string; headers: string[]; explicit: ColumnMappingInput; expected: object }>([
    {
      title: 'a mapped phone turns the automatic one into a secondary number',
      headers: ['Phone', 'Mobile'],
      explicit: { phone: 'Mobile' },
      expected: { phone: 'Mobile', secondaries: ['Phone'] },
    },
    {
      title: 'an empty secondary list turns the automatic ones into fields',
      headers: ['Phone', 'Mobile', 'office'],
      explicit: { phone: 'Mobile', secondary: [] },
      expected: { phone: 'Mobile', fields: ['Phone', 'office'] },
    },
    {
      title: 'mapped secondaries are dialed in the mapping’s order',
      headers: ['phone', 'Office', 'Home', 'mobile'],
      explicit: { secondary: ['Home', 'Office'] },
      expected: { phone: 'phone', secondaries: ['Home', 'Office'], fields: ['mobile'] },
    },
    {
      title: 'a column the automatic mapping would make the phone can be mapped as a secondary',
      headers: ['phone', 'Cell'],
      explicit: { secondary: ['phone'] },
      expected: { phone: 'Cell', secondaries: ['phone'] },
    },
    {
      title: 'any column can play a role, and the column it replaces becomes a field',
      headers: ['Contact', 'name', 'Company', 'Account'],
      explicit: { phone: 'Contact', name: 'Company', externalId: 'Account' },
      expected: { phone: 'Contact', name: 'Company', externalId: 'Account', fields: ['name'] },
    },
    {
      title: 'names match the header trimmed, or ignoring case when only one header matches',
      headers: ['Mobile', 'Given', 'Family', 'Zone', 'Mail'],
      explicit: {
        phone: ' mobile ',
        firstName: 'GIVEN',
        lastName: 'Family',
        timezone: 'zone',
        email: 'Mail',
      },
      expected: { phone: 'Mobile', firstName: 'Given', lastName: 'Family', timezone: 'Zone', email: 'Mail' },
    },
    {
      title: 'an exact match wins over a match ignoring case',
      headers: ['Notes', 'phone', 'notes'],
      explicit: { name: 'notes' },
      expected: { phone: 'phone', name: 'notes', fields: ['Notes'] },
    },
    {
      title: 'columns listed in `fields` stay fields whatever their headers suggest',
      headers: ['phone', 'Email', 'Office', 'Name'],
      explicit: { fields: ['Email', 'office'] },
      expected: { phone: 'phone', name: 'Name', fields: ['Email', 'Office'] },
    },
    {
      title: 'columns listed in `ignore` are neither a role nor a field',
      headers: ['phone', 'Office', 'Notes', 'Company'],
      explicit: { ignore: ['Office', 'Notes'] },
      expected: { phone: 'phone', fields: ['Company'] },
    },
    {
      title: 'look-alike headers can be told apart by mapping them',
      headers: ['Phone', 'phone'],
      explicit: { phone: 'phone' },
      expected: { phone: 'phone', secondaries: ['Phone'] },
    },
  ])('$title', ({ headers, explicit, expected }) => {
    expect(summary(resolveColumnMapping(headers, explicit))).toEqual({ ...none, ...expected });
  });
});

describe('resolveColumnMapping: refusals', () => {
  const noPhone = (found: string) =>
    `The CSV header has no phone column; found ${found}. Name the column holding the numbers to call \`phone\` ` +
    '(or `Phone Number`, `mobile`, `tel`), or map it: `--map phone=<column>` on the command line, ' +
    '`"mapping": {"phone": "<column>"}` in the API.';

  it.each<{ title: string; headers: string[]; explicit?: ColumnMappingInput; code: string; message: string }>(
    [
      {
        title: 'no phone column',
        headers: ['name', 'email'],
        code: 'csv_no_phone_column',
        message: noPhone('"name", "email"'),
      },
      {
        title: 'only secondary columns',
        headers: ['phone2', 'Office'],
        code: 'csv_no_phone_column',
        message: noPhone('"phone2", "Office"'),
      },
      {
        title: 'the only phone column mapped to another role',
        headers: ['phone', 'name'],
        explicit: { secondary: ['phone'] },
        code: 'csv_no_phone_column',
        message: noPhone('"phone", "name"'),
      },
      {
        title: 'no header names at all',
        headers: ['', ' '],
        code: 'csv_no_phone_column',
        message: noPhone('no column names'),
      },
      {
        title: 'the same header twice',
        headers: ['phone', 'email', ' email'],
        code: 'csv_duplicate_column',
        message:
          'The CSV header has the column "email" twice (columns 2 and 3): rename or remove one of them.',
      },
      {
        title: 'two headers that mean the same role',
        headers: ['Phone', 'phone'],
        code: 'csv_duplicate_column',
        message:
          'The CSV header has "Phone" and "phone", which both mean phone: rename or remove one of them, ' +
          'or map them explicitly (`--map`).',
      },
      {
        title: 'two spellings of one secondary column',
        headers: ['phone', 'Alt Phone', 'alt-phone'],
        code: 'csv_duplicate_column',
        message:
          'The CSV header has "Alt Phone" and "alt-phone", which both mean secondary: rename or remove one of ' +
          'them, or map them explicitly (`--map`).',
      },
      {
        title: 'a mapped column the file does not have',
        headers: ['phone', 'name'],
        explicit: { phone: 'Mobil' },
        code: 'mapping_unknown_column',
        message:
          'The mapping gives phone the column "Mobil", which is not in the file\'s header (found "phone", "name"): ' +
          'use one of those names as written.',
      },
      {
        title: 'a mapped name that matches several headers ignoring case, none exactly',
        headers: ['phone', 'Notes', 'NOTES'],
        explicit: { lastName: 'notes' },
        code: 'mapping_unknown_column',
        message:
          'The mapping gives last_name the column "notes", which is not in the file\'s header ' +
          '(found "phone", "Notes", "NOTES"): use one of those names as written.',
      },
      {
        title: 'an empty mapped name',
        headers: ['phone', ''],
        explicit: { secondary: [' '] },
        code: 'mapping_unknown_column',
        message:
          'The mapping gives secondary the column "", which is not in the file\'s header (found "phone"): ' +
          'use one of those names as written.',
      },
      {
        title: 'one column in two roles',
        headers: ['Mobile', 'name'],
        explicit: { phone: 'Mobile', secondary: ['mobile'] },
        code: 'mapping_conflict',
        message:
          'The mapping gives the column "Mobile" two roles, phone and secondary: a column can play only one.',
      },
      {
        title: 'an ignored column given a role',
        headers: ['Mobile', 'Notes'],
        explicit: { phone: 'Mobile', ignore: ['mobile'] },
        code: 'mapping_conflict',
        message:
          'The mapping gives the column "Mobile" two roles, phone and ignore: a column can play only one.',
      },
      {
        title: 'an ignored column that is not in the header',
        headers: ['phone', 'Notes'],
        explicit: { ignore: ['Remarks'] },
        code: 'mapping_unknown_column',
        message:
          'The mapping gives ignore the column "Remarks", which is not in the file\'s header (found "phone", ' +
          '"Notes"): use one of those names as written.',
      },
      {
        title: 'one secondary column listed twice',
        headers: ['phone', 'Office'],
        explicit: { secondary: ['Office', 'office'] },
        code: 'mapping_conflict',
        message: 'The mapping names the column "Office" twice for secondary: name each column once.',
      },
      {
        title: 'a field that would clash with a mapped role’s field',
        headers: ['phone', 'email', 'Work Email'],
        explicit: { email: 'Work Email' },
        code: 'mapping_conflict',
        message:
          'The column "email" would be the lead field "email", which the mapping fills from the column ' +
          '"Work Email" (email): rename "email", or map it to another role.',
      },
    ],
  )('$title: $code', ({ headers, explicit, code, message }) => {
    const error = resolveError(headers, explicit);
    expect({ code: error.code, message: error.message }).toEqual({ code, message });
  });
});

describe('mapRecord', () => {
  const mapping = resolveColumnMapping([
    'Phone',
    'Mobile',
    'Office',
    'First Name',
    'Last Name',
    'E-mail',
    'TZ',
    'CRM ID',
    'Company',
    '',
    'Notes',
  ]);

  it('trims values, leaves empty ones out, and adds the variable roles to the fields', () => {
    const row = mapRecord(
      [
        ' 2125550100 ',
        '',
        ' 2125550102 ',
        'Ada',
        ' Lovelace',
        'ada@example.com',
        'Europe/London',
        ' 42 ',
        'Acme',
        'x',
        '  ',
      ],
      mapping,
    );
    expect(row).toEqual({
      phone: { column: 'Phone', value: '2125550100' },
      secondaries: [{ column: 'Office', value: '2125550102' }],
      name: 'Ada Lovelace',
      externalId: '42',
      fields: {
        Company: 'Acme',
        first_name: 'Ada',
        last_name: 'Lovelace',
        email: 'ada@example.com',
        timezone: 'Europe/London',
      },
    });
  });

  it('reads the values a ragged row lacks as empty, and ignores values past the last header', () => {
    expect(mapRecord(['2125550100', '2125550101'], mapping)).toEqual({
      phone: { column: 'Phone', value: '2125550100' },
      secondaries: [{ column: 'Mobile', value: '2125550101' }],
      name: null,
      externalId: null,
      fields: {},
    });
    expect(mapRecord([], mapping).phone).toEqual({ column: 'Phone', value: '' });
    const long = resolveColumnMapping(['phone', 'notes']);
    expect(mapRecord(['1', 'n', 'extra', 'more'], long).fields).toEqual({ notes: 'n' });
  });

  it.each([
    { values: ['Ada Lovelace', 'Ada', 'Lovelace'], name: 'Ada Lovelace' },
    { values: ['', 'Ada', 'Lovelace'], name: 'Ada Lovelace' },
    { values: ['', 'Ada', ''], name: 'Ada' },
    { values: ['', ' ', 'Lovelace'], name: 'Lovelace' },
    { values: [' ', '', ''], name: null },
  ])('names the lead $name from full name, first and last $values', ({ values, name }) => {
    const names = resolveColumnMapping(['phone', 'full_name', 'first_name', 'last_name']);
    expect(mapRecord(['2125550100', ...values], names).name).toBe(name);
  });

  it('keeps any header as a field key, `__proto__` included', () => {
    const fields = mapRecord(
      ['1', 'a', 'b'],
      resolveColumnMapping(['phone', '__proto__', 'constructor']),
    ).fields;
    expect(Object.entries(fields)).toEqual([
      ['__proto__', 'a'],
      ['constructor', 'b'],
    ]);
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
  });
});

describe('describeMapping', () => {
  it.each([
    {
      headers: ['Mobile', 'Office', 'Home Phone', 'First Name', 'Last Name', 'Company', 'Notes'],
      explicit: { phone: 'Mobile' },
      text: 'phone ← Mobile; secondary ← Office, Home Phone; name ← First Name + Last Name; fields: Company, Notes',
    },
    { headers: ['phone'], explicit: {}, text: 'phone ← phone' },
    {
      headers: ['phone', 'Full Name', 'First', 'email', 'tz', 'id'],
      explicit: {},
      text: 'phone ← phone; name ← Full Name, else First; email ← email; timezone ← tz; external_id ← id',
    },
    { headers: ['phone', 'surname'], explicit: {}, text: 'phone ← phone; name ← surname' },
  ])('$text', ({ headers, explicit, text }) => {
    expect(describeMapping(resolveColumnMapping(headers, explicit))).toBe(text);
  });
});

describe('columnRoles', () => {
  it("names each column's role in file order, fields and headerless columns included", () => {
    const headers = [
      'Notes',
      'Mobile',
      'First Name',
      '',
      'Office',
      'Last Name',
      'CRM ID',
      'phone2',
      'E-mail',
      'TZ',
    ];
    const mapping = resolveColumnMapping(headers, { externalId: 'CRM ID', timezone: 'TZ' });
    expect(columnRoles(mapping, headers.length)).toEqual([
      'field',
      'phone',
      'firstName',
      'ignored',
      'secondary',
      'lastName',
      'externalId',
      'secondary',
      'email',
      'timezone',
    ]);
  });

  it('names a column the mapping ignores `ignored`, and one it keeps as a field `field`', () => {
    const headers = ['phone', 'Office', 'Notes'];
    const mapping = resolveColumnMapping(headers, { fields: ['Office'], ignore: ['Notes'] });
    expect(columnRoles(mapping, headers.length)).toEqual(['phone', 'field', 'ignored']);
  });

  it('names the full name column `name`', () => {
    const headers = ['phone', 'Full Name'];
    expect(columnRoles(resolveColumnMapping(headers), headers.length)).toEqual(['phone', 'name']);
  });
});
