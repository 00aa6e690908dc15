import { describe, expect, it } from 'vitest';

import { parseMappingJson, parseMappingOptions } from './mapping-option.js';

const ROLES = 'phone, secondary, name, first_name, last_name, email, timezone, external_id';
const JSON_ROLES = 'phone, secondary, name, firstName, lastName, email, timezone, externalId';

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

describe('parseMappingJson', () => {
  it.each([
    { json: {}, mapping: {} },
    {
      json: {
        phone: 'Mobile',
        secondary: ['Office', 'Home'],
        name: 'Full Name',
        firstName: 'First',
        lastName: 'Last',
        email: 'E-mail',
        timezone: 'TZ',
        externalId: 'CRM ID',
      },
      mapping: {
        phone: 'Mobile',
        secondary: ['Office', 'Home'],
        name: 'Full Name',
        firstName: 'First',
        lastName: 'Last',
        email: 'E-mail',
        timezone: 'TZ',
        externalId: 'CRM ID',
      },
    },
    { json: { secondary: [] }, mapping: { secondary: [] } },
  ])('$json', ({ json, mapping }) => {
    expect(parseMappingJson(json)).toEqual({ ok: true, value: mapping });
  });

  it.each([null, 'phone=Mobile', ['Mobile'], 42, undefined])('refuses %j as the mapping', (json) => {
    const got = json === undefined ? 'nothing' : JSON.stringify(json);
    expect(parseMappingJson(json)).toEqual({
      ok: false,
      error: [
        {
          path: '',
          message: `must be an object of column names by role, such as {"phone": "Mobile"}, got ${got}`,
        },
      ],
    });
  });

  it('refuses unknown roles and values that are not column names, every one at once', () => {
    const json = {
      phone: '',
      first_name: 'First',
      secondary: ['Office', 7, ' '],
      name: null,
      email: ['E-mail'],
    };
    expect(parseMappingJson(json)).toEqual({
      ok: false,
      error: [
        { path: 'phone', message: 'must be a column name (a non-empty string), got ""' },
        { path: 'first_name', message: `is not a role; the roles are ${JSON_ROLES}` },
        { path: 'secondary[1]', message: 'must be a column name (a non-empty string), got 7' },
        { path: 'secondary[2]', message: 'must be a column name (a non-empty string), got " "' },
        { path: 'name', message: 'must be a column name (a non-empty string), got null' },
        { path: 'email', message: 'must be a column name (a non-empty string), got ["E-mail"]' },
      ],
    });
  });

  it('refuses a secondary value that is not a list', () => {
    expect(parseMappingJson({ secondary: 'Office' })).toEqual({
      ok: false,
      error: [
        {
          path: 'secondary',
          message: 'must be a list of column names, such as ["Office", "Home"], got "Office"',
        },
      ],
    });
  });

  it('refuses a `__proto__` key parsed from JSON as an unknown role', () => {
    expect(parseMappingJson(JSON.parse('{"__proto__": "Mobile"}'))).toEqual({
      ok: false,
      error: [{ path: '__proto__', message: `is not a role; the roles are ${JSON_ROLES}` }],
    });
  });
});
