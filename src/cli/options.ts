import { parseIsoInstant } from '../domain/time-format.js';
import { CliError } from './cli-error.js';

/** An integer option in `[min, max]`, or a clear error naming it, the value and the range. */
export function integerOption(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new CliError('invalid_option', `--${name} must be an integer ${min}–${max}, got "${text}"`);
  }
  return value;
}

/** An ISO 8601 instant option, or a clear error. */
export function instantOption(name: string, text: string): number {
  const value = parseIsoInstant(text);
  if (value === null) {
    throw new CliError(
      'invalid_option',
      `--${name} must be an ISO 8601 time such as 2026-03-02T09:00:00-05:00, got "${text}"`,
    );
  }
  return value;
}
