import { describe, expect, it } from 'vitest';
import { chooseCallableContact, reportsOptOut, validateOptOutVariable } from './do-not-call.js';

const contact = (id: string, position: number, onDoNotCallList = false, attempts = 0, dead = false) => ({
  id,
  position,
  attempts,
  dead,
  onDoNotCallList,
});
const rules = { maxRetries: 3 };

describe('chooseCallableContact', () => {
  it('dials the planned contact when its number is not on the list', () => {
    const contacts = [contact('primary', 0, true), contact('secondary', 1)];
    expect(chooseCallableContact('secondary', contacts, rules)).toEqual({
      contact: contact('secondary', 1),
      listed: [],
    });
  });

  it('passes over listed numbers to the next live contact in order, reporting each one passed over', () => {
    const contacts = [contact('primary', 0, true), contact('secondary', 1, true), contact('office', 2)];
    expect(chooseCallableContact('primary', contacts, rules)).toEqual({
      contact: contact('office', 2),
      listed: ['primary', 'secondary'],
    });
  });

  it('wraps round to the first live contact, as a new round does', () => {
    const contacts = [contact('primary', 0, false, 1), contact('secondary', 1, true)];
    expect(chooseCallableContact('secondary', contacts, rules)).toEqual({
      contact: contact('primary', 0, false, 1),
      listed: ['secondary'],
    });
  });

  it('finds nothing to dial when every live number is listed; dead and exhausted ones are not reported', () => {
    const contacts = [
      contact('primary', 0, true),
      contact('secondary', 1, true, 3),
      contact('office', 2, true, 0, true),
    ];
    expect(chooseCallableContact(null, contacts, rules)).toEqual({ contact: null, listed: ['primary'] });
  });
});

describe('reportsOptOut', () => {
  it.each([
    [{ opt_out: true }, 'opt_out', true],
    [{ opt_out: 'true' }, 'opt_out', true],
    [{ opt_out: false }, 'opt_out', false],
    [{ opt_out: 'yes' }, 'opt_out', false],
    [{}, 'opt_out', false],
    [{ opt_out: true }, 'unsubscribe', false],
    [{ unsubscribe: true }, 'unsubscribe', true],
    [{ opt_out: true }, null, false],
  ] as const)('%j with the variable %s → %s', (variables, name, expected) => {
    expect(reportsOptOut(variables, name)).toBe(expected);
  });
});

describe('validateOptOutVariable', () => {
  it('accepts a variable the assistant does not declare, a declared boolean, or none', () => {
    expect(validateOptOutVariable('opt_out', [])).toBeNull();
    expect(validateOptOutVariable('opt_out', [{ name: 'opt_out', type: 'boolean' }])).toBeNull();
    expect(validateOptOutVariable(null, [{ name: 'opt_out', type: 'string' }])).toBeNull();
  });

  it('refuses a variable declared with another type, naming it and its type', () => {
    expect(validateOptOutVariable('opt_out', [{ name: 'opt_out', type: 'string' }])).toEqual({
      path: 'optOutVariable',
      message: 'must name a boolean variable, but "opt_out" is declared as string',
    });
  });
});
