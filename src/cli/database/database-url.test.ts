import { describe, expect, it } from 'vitest';
import { parseDatabaseOption } from './database-url.js';

describe('--db', () => {
  it('is a SQLite path unless it is a postgres URL', () => {
    expect(parseDatabaseOption('./data/callwright.db')).toEqual({
      kind: 'sqlite',
      path: './data/callwright.db',
    });
    expect(parseDatabaseOption(':memory:')).toEqual({ kind: 'sqlite', path: ':memory:' });
  });

  it('reads schema and pool from a postgres URL and passes every other parameter on', () => {
    expect(
      parseDatabaseOption(
        'postgres://cw:s3cret@db.internal:5432/callwright?schema=prod&pool=20&sslmode=require',
      ),
    ).toEqual({
      kind: 'postgres',
      connectionString: 'postgres://cw:s3cret@db.internal:5432/callwright?sslmode=require',
      schema: 'prod',
      pool: 20,
      display: 'postgres://cw:***@db.internal:5432/callwright?sslmode=require&schema=prod',
    });
    expect(parseDatabaseOption('postgresql://localhost/callwright')).toMatchObject({
      schema: 'public',
      pool: 10,
    });
  });

  it.each([
    ['postgres://localhost', /must name a database/],
    ['postgres://localhost/cw?schema=Prod-1', /schema must be lower-case letters.*got "Prod-1"/],
    ['postgres://localhost/cw?pool=0', /pool must be an integer 1–100, got "0"/],
    ['postgres://[bad', /not a valid URL/],
    ['', /file path or a postgres:\/\/ URL/],
  ])('refuses %s, saying what is allowed', (text, message) => {
    expect(() => parseDatabaseOption(text)).toThrow(message);
  });
});
