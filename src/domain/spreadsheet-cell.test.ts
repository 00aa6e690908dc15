import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, type CsvValue } from './spreadsheet-cell.js';

describe('csvCell', () => {
  it.each<[string, CsvValue, string]>([
    ['plain text as it is', 'Ada Lovelace', 'Ada Lovelace'],
    ['an empty text as an empty cell', '', ''],
    ['null as an empty cell', null, ''],
    ['a comma quoted', 'Lovelace, Ada', '"Lovelace, Ada"'],
    ['quotes doubled inside quotes', 'Ada "the Countess"', '"Ada ""the Countess"""'],
    ['a line break quoted', 'line 1\nline 2', '"line 1\nline 2"'],
    ['a formula made inert', '=1+1', "'=1+1"],
    [
      'a formula with a comma made inert, then quoted',
      '=HYPERLINK("http://x",1)',
      `"'=HYPERLINK(""http://x"",1)"`,
    ],
    ['a leading plus with more than digits made inert', '+1+cmd|"/c calc"!A0', `"'+1+cmd|""/c calc""!A0"`],
    ['a leading minus made inert', '-2+3', "'-2+3"],
    ['a leading at sign made inert', '@SUM(A1)', "'@SUM(A1)"],
    ['a leading tab made inert', '\t=1+1', "'\t=1+1"],
    ['a leading carriage return made inert, then quoted', '\r=1+1', `"'\r=1+1"`],
    ['an E.164 number keeps its plus', '+12125550100', '+12125550100'],
    ['a plus with a space is not a phone number', '+1 212 555 0100', "'+1 212 555 0100"],
    [
      'two numbers made inert (a spreadsheet would add them up)',
      '+12125550101 +12125550104',
      "'+12125550101 +12125550104",
    ],
    ['a lone plus made inert', '+', "'+"],
    ['a formula sign later in the text left alone', 'a=b', 'a=b'],
    ['a number as it is, even negative', -3, '-3'],
    ['zero as it is', 0, '0'],
    ['a boolean as it is', false, 'false'],
    ['a time with a negative offset as it is', '2026-03-06T16:30:00-05:00', '2026-03-06T16:30:00-05:00'],
    ['JSON as it is, quoted for its quotes and commas', '{"a":1,"b":true}', '"{""a"":1,""b"":true}"'],
  ])('writes %s', (_case, value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

/**
 * Any text, and texts made of the characters that matter here, so that the interesting cases come up often.
 */
const cellText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', "'", '1', 'a', ' ') }),
);

describe('csvLine', () => {
  it('joins the cells with commas and ends with LF', () => {
    expect(csvLine(['call_1', null, 2, true, '=x', '+12125550100'])).toBe(
      "call_1,,2,true,'=x,+12125550100\n",
    );
  });

  it('reads back in a CSV parser as the same cells, formulas prefixed with a quote', () => {
    fc.assert(
      fc.property(fc.array(cellText, { minLength: 1, maxLength: 6 }), (values) => {
        const parsed = Papa.parse<string[]>(csvLine(values), { delimiter: ',', newline: '\n' }).data[0];
        const looksLikeFormula = (text: string) => /^[=+\-@\t\r]/.test(text) && !/^\+\d+$/.test(text);
        expect(parsed).toEqual(values.map((text) => (looksLikeFormula(text) ? `'${text}` : text)));
      }),
    );
  });
});
