import { describe, expect, it } from 'vitest';
import type { PhoneValidator } from './lead-batch.js';
import { previewLeadFile } from './lead-file-preview.js';
import { normalizePhone } from './phone.js';

const inThread: PhoneValidator = {
  normalize: (raws, country) => Promise.resolve(raws.map((raw) => normalizePhone(raw, country))),
};

const utf8 = (text: string) => new TextEncoder().encode(text);

/** UTF-16 little-endian with its byte order mark, as Excel's "Unicode text" writes it. */
const utf16le = (text: string) => {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
    bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return bytes;
};

const preview = (head: Uint8Array, rows = 10, defaultCountry = 'US', wholeFile = false) =>
  previewLeadFile(inThread, { head, rows, defaultCountry, wholeFile });

const rowNumbersOf = async (head: Uint8Array, rows?: number, wholeFile?: boolean) => {
  const outcome = await preview(head, rows, 'US', wholeFile);
  if (!outcome.ok) throw new Error(outcome.problem.message);
  return outcome.preview.rows.map((row) => row.rowNumber);
};

describe('previewLeadFile', () => {
  it('shows at most the rows asked for, the last of them whole even when the bytes end inside the next', async () => {
    const file = 'phone,name\n+12125550100,Ann\n+12125550101,Bob\n+12125550102,Cy';
    expect(await rowNumbersOf(utf8(file), 2)).toEqual([2, 3]);
    expect(await rowNumbersOf(utf8(file), 10)).toEqual([2, 3]);
    expect(await rowNumbersOf(utf8(`${file}\n`), 10)).toEqual([2, 3, 4]);
  });

  it('reads the last row of a whole file without a line break after it', async () => {
    const file = 'phone,name\n+12125550100,Ann\n+12125550101,Bob';
    expect(await rowNumbersOf(utf8(file), 10, true)).toEqual([2, 3]);
    expect(await rowNumbersOf(utf16le(file), 10, true)).toEqual([2, 3]);
  });

  it('reads a line break as UTF-16 writes it when deciding whether the last row was cut', async () => {
    const file = 'phone\r\n+12125550100\r\n+12125550101';
    expect(await rowNumbersOf(utf16le(file))).toEqual([2]);
    expect(await rowNumbersOf(utf16le(`${file}\r\n`))).toEqual([2, 3]);
  });

  it('takes a quote left open by the cut as the cut, but refuses one left open in a whole file', async () => {
    const head = 'phone,note\n+12125550100,ok\n+12125550101,"a long note, cut';
    expect(await rowNumbersOf(utf8(head))).toEqual([2]);
    const whole = await preview(utf8(`${head}\n`));
    expect(whole).toMatchObject({ ok: false, problem: { code: 'csv_unclosed_quote' } });
  });

  it('answers a mapping the import would refuse with the columns as fields and the problem, and no rows', async () => {
    const outcome = await preview(utf8('Contact,Office\n+12125550100,+12125550101\n'));
    expect(outcome).toEqual({
      ok: true,
      preview: expect.objectContaining({
        columns: [
          { header: 'Contact', role: 'field' },
          { header: 'Office', role: 'field' },
        ],
        rows: [],
        problem: expect.objectContaining({ code: 'csv_no_phone_column' }),
      }),
    });
  });

  it('refuses an unknown default country as the import does', async () => {
    const outcome = await preview(utf8('phone\n+12125550100\n'), 10, 'XX');
    expect(outcome).toMatchObject({ ok: false, problem: { code: 'invalid_country' } });
  });
});
