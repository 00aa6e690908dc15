import { describe, expect, it } from 'vitest';

import { parseMappingOptions } from './mapping-option.js';

const ROLES = 'phone, secondary, name, first_name, last_name, email, timezone, external_id, fields, ignore';

describe('parseMappingOptions', () => {
  it.each([
    { options: [], mapping: {} },
    { options: ['phone=Mobile'], mapping: { phone: 'Mobile' } },
    { options: ['name=Full Name'], mapping: { name: 'Full Name' } },
    { options: ['secondary=Office,Home'], mapping: { secondary: ['Office', 'Home'] } },
    { options: ['secondary=Office', 'secondary=Home'], mapping: { secondary: ['Office', 'Home'] } },
    { options: ['first_name=Given', 'lastName=Family'], mapping: { firstName: 'Given', lastName: 'Family' } },
    {
      options: ['FIRSTNAME=Given', ' Last_Name =Family'],
      mapping: { firstName: 'Given', lastName: 'Family' },
    },
    { options: ['external_id=CRM ID'], mapping: { externalId: 'CRM ID' } },
    { options: ['externalId=CRM ID'], mapping: { externalId: 'CRM ID' } },
    { options: ['email=a=b', 'timezone=TZ'], mapping: { email: 'a=b', timezone: 'TZ' } },
    {
      options: ['fields=Office,Email', 'ignore=Notes'],
      mapping: { fields: ['Office', 'Email'], ignore: ['Notes'] },
    },
    { options: ['ignore=Notes', 'IGNORE=Owner'], mapping: { ignore: ['Notes', 'Owner'] } },
  ])('$options', ({ options, mapping }) => {
    expect(parseMappingOptions(options)).toEqual({ ok: true, value: mapping });
  });

  it.each([
    {
      option: 'Mobile',
      message: `must be role=column, such as phone=Mobile; the roles are ${ROLES}`,
    },
    { option: 'nmae=Full Name', message: `"nmae" is not a role; the roles are ${ROLES}` },
    { option: '=Mobile', message: `"" is not a role; the roles are ${ROLES}` },
    { option: 'phone=', message: 'names no column: write phone=<column>' },
    { option: 'first_name= ', message: 'names no column: write first_name=<column>' },
    {
      option: 'secondary=Office,,Home',
      message: '"Office,,Home" has an empty column name: separate the columns with single commas',
    },
    {
      option: 'secondary=',
      message: 'names no column: write secondary=<column>',
    },
    { option: 'ignore=', message: 'names no column: write ignore=<column>' },
  ])('refuses --map $option', ({ option, message }) => {
    expect(parseMappingOptions([option])).toEqual({
      ok: false,
      error: [{ path: `--map ${option}`, message }],
    });
  });

  it('refuses a role mapped twice, and reports every bad option at once', () => {
    expect(parseMappingOptions(['phone=Mobile', 'tz=Zone', 'phone=Cell', 'name='])).toEqual({
      ok: false,
      error: [
        { path: '--map tz=Zone', message: `"tz" is not a role; the roles are ${ROLES}` },
        { path: '--map phone=Cell', message: 'phone is already mapped to "Mobile": map each role once' },
        { path: '--map name=', message: 'names no column: write name=<column>' },
      ],
    });
  });
});
