import { drawBar } from '../progress-bar.js';

/**
 * The import's progress line on a terminal: share of the file read, rows per second and the time left,
 * estimated from the bytes still to read at the rate so far.
 */
export function createImportProgress(write: (text: string) => void, totalBytes: number, now = Date.now) {
  const started = now();
  return {
    update(bytesRead: number, rows: number, phase = 'imported') {
      const seconds = Math.max((now() - started) / 1000, 0.001);
      const ratio = totalBytes === 0 ? 1 : bytesRead / totalBytes;
      const rate = Math.round(rows / seconds);
      const eta = ratio > 0 && ratio < 1 ? ` · ${Math.ceil((seconds * (1 - ratio)) / ratio)} s left` : '';
      write(
        `\r${drawBar(ratio)} ${Math.round(ratio * 100)}% · ${rows.toLocaleString('en-US')} rows ${phase} · ${rate.toLocaleString('en-US')} rows/s${eta}  `,
      );
    },
    done() {
      write('\n');
    },
  };
}
