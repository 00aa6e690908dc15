/**
 * Recognises the files people most often pick by mistake instead of a CSV export, by their first bytes,
 * so the refusal can say what the file is and how to turn it into CSV. Any other binary file is caught
 * later by its NUL bytes, with a general message.
 */
import { LeadImportError } from '../import-error.js';

interface BinaryFormat {
  readonly signature: Buffer;
  /** What the file is and how to get a CSV out of it; `head` is the start of the file. */
  readonly describe: (head: Buffer) => { readonly looksLike: string; readonly fix: string };
}

const SAVE_AS_CSV =
  'Open it in Excel (or another spreadsheet) and save it as "CSV UTF-8", then import that file';

const BINARY_FORMATS: readonly BinaryFormat[] = [
  { signature: Buffer.from('PK\x03\x04', 'latin1'), describe: describeZip },
  {
    signature: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    describe: () => ({
      looksLike: 'an Excel 97–2003 workbook (.xls) or another Office document',
      fix: SAVE_AS_CSV,
    }),
  },
  {
    signature: Buffer.from('%PDF-', 'latin1'),
    describe: () => ({
      looksLike: 'a PDF document',
      fix: 'Export the list as CSV from the program that made the PDF',
    }),
  },
  {
    signature: Buffer.from([0x1f, 0x8b]),
    describe: () => ({
      looksLike: 'a gzip-compressed file',
      fix: 'Decompress it and import the CSV file inside',
    }),
  },
];

/** Office Open XML and OpenDocument files are zip archives; the names of their parts tell them apart. */
function describeZip(head: Buffer): { looksLike: string; fix: string } {
  if (head.includes('xl/')) return { looksLike: 'an Excel workbook (.xlsx)', fix: SAVE_AS_CSV };
  if (head.includes('opendocument.spreadsheet')) {
    return { looksLike: 'an OpenDocument spreadsheet (.ods)', fix: SAVE_AS_CSV };
  }
  return { looksLike: 'a zip archive', fix: 'Unzip it and import the CSV file inside' };
}

/** Throws `csv_not_text` when `head`, the first bytes of the file, starts like a known binary format. */
export function refuseKnownBinaryFormat(head: Buffer): void {
  for (const format of BINARY_FORMATS) {
    if (head.subarray(0, format.signature.length).equals(format.signature)) {
      const { looksLike, fix } = format.describe(head);
      throw new LeadImportError('csv_not_text', `The file looks like ${looksLike}, not CSV text. ${fix}.`);
    }
  }
}
