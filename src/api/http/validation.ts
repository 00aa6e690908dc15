import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FieldError } from '../../domain/result.js';

/**
 * Request validation from the same JSON Schemas the OpenAPI document is generated from, with messages in the
 * house style of the domain's validators: the field, what is allowed, and the value received
 * (`retry.maxRetries`: "must be 1–5, got 7"). Every problem is reported at once.
 *
 * Bodies are validated strictly (no type coercion, unknown fields refused, no defaults filled: defaults are the
 * domain's business); path and query parameters arrive as text, so they are coerced.
 */
const common = {
  allErrors: true,
  verbose: true,
  strict: true,
  // `x-allowed` describes a pattern's accepted values in words, for messages and the OpenAPI document.
  keywords: ['x-allowed'],
};

const bodyAjv = addFormats.default(new Ajv({ ...common, coerceTypes: false, useDefaults: false }));
const parameterAjv = addFormats.default(new Ajv({ ...common, coerceTypes: true, useDefaults: true }));

export function compileValidator(schema: object, httpPart: string | undefined): ValidateFunction {
  return (httpPart === 'body' ? bodyAjv : parameterAjv).compile(schema);
}

/** `/retry/maxRetries` → `retry.maxRetries`; `/variables/2/type` → `variables[2].type`. */
export function toFieldPath(pointer: string, child?: string): string {
  const segments = pointer === '' ? [] : pointer.slice(1).split('/');
  if (child !== undefined) segments.push(child);
  return segments
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, s) => (/^\d+$/.test(s) ? `${path}[${s}]` : path === '' ? s : `${path}.${s}`), '');
}

const show = (value: unknown) => (value === undefined ? 'nothing' : (JSON.stringify(value) ?? typeof value));

type Schema = Readonly<Record<string, unknown>>;

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'a text',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

function range(schema: Schema): string | null {
  const { minimum: min, maximum: max } = schema;
  if (typeof min === 'number' && typeof max === 'number') return `${min}–${max}`;
  if (typeof min === 'number') return `at least ${min}`;
  if (typeof max === 'number') return `at most ${max}`;
  return null;
}

/** What a schema accepts, in words: used for type errors and for unions. */
function describe(schema: Schema): string {
  if (typeof schema['x-allowed'] === 'string') return schema['x-allowed'];
  if (Array.isArray(schema.enum)) {
    return `one of ${schema.enum.map((v) => (typeof v === 'string' ? v : show(v))).join(', ')}`;
  }
  if ('const' in schema) return show(schema.const);
  if (Array.isArray(schema.anyOf)) {
    const branches = schema.anyOf as Schema[];
    // A union of literals (`"created" | "completed"`) reads as the enum it is.
    if (branches.every((b) => 'const' in b)) return describe({ enum: branches.map((b) => b.const) });
    return branches.map(describe).join(' or ');
  }
  const type = typeof schema.type === 'string' ? schema.type : 'value';
  const limits = type === 'integer' || type === 'number' ? range(schema) : null;
  return `${TYPE_NAMES[type] ?? type}${limits ? ` ${limits}` : ''}`;
}

function message(error: ErrorObject): string {
  const parent = (error.parentSchema ?? {}) as Schema;
  const got = `got ${show(error.data)}`;
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a known field';
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${range(parent) ?? String(error.message)}, ${got}`;
    case 'minLength':
    case 'maxLength': {
      const { minLength: min = 0, maxLength: max } = parent as { minLength?: number; maxLength?: number };
      const length = typeof error.data === 'string' ? [...error.data].length : 0;
      const allowed = max === undefined ? `at least ${min}` : min === 0 ? `at most ${max}` : `${min}–${max}`;
      return `must be a text of ${allowed} characters, got ${length}`;
    }
    case 'minItems':
    case 'maxItems': {
      const { minItems: min = 0, maxItems: max } = parent as { minItems?: number; maxItems?: number };
      const count = Array.isArray(error.data) ? error.data.length : 0;
      const allowed = max === undefined ? `at least ${min}` : `${min}–${max}`;
      return `must hold ${allowed} items, got ${count}`;
    }
    case 'pattern':
    case 'format': {
      // Schemas word their patterns in `x-allowed`; without it, the pattern itself beats "a matching text".
      const allowed =
        typeof parent['x-allowed'] === 'string'
          ? parent['x-allowed']
          : error.keyword === 'format'
            ? `a ${String(error.params.format)}`
            : `a text matching ${String(error.params.pattern)}`;
      return `must be ${allowed}, ${got}`;
    }
    case 'type':
    case 'enum':
    case 'const':
    case 'anyOf':
      return `must be ${describe(parent)}, ${got}`;
    default:
      return `${error.message ?? 'is invalid'}, ${got}`;
  }
}

/**
 * Turns ajv's errors into field errors. A failed union (`anyOf`, e.g. an object or null) is reported through the
 * one branch whose type the value has (so `goal.variable` is named), or once as "must be A or B" when no branch
 * or several have it (a union of literals: every branch is a string, and the first branch's "must be
 * \"campaign.started\"" would hide the others).
 */
export function toFieldErrors(errors: readonly ErrorObject[]): FieldError[] {
  const dropped = new Set<ErrorObject>();
  for (const union of errors.filter((e) => e.keyword === 'anyOf')) {
    const branches = ((union.parentSchema as Schema | undefined)?.anyOf ?? []) as Schema[];
    const matching = branches.flatMap((branch, index) => (hasType(branch, union.data) ? [index] : []));
    const [only, ...others] = matching;
    const keep = only !== undefined && others.length === 0 ? `${union.schemaPath}/${only}/` : null;
    if (keep !== null) dropped.add(union);
    for (const error of errors) {
      const inBranch = error.schemaPath.startsWith(`${union.schemaPath}/`);
      if (inBranch && (keep === null || !error.schemaPath.startsWith(keep))) dropped.add(error);
    }
  }
  const fieldErrors: FieldError[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (dropped.has(error)) continue;
    const child =
      error.keyword === 'required'
        ? String(error.params.missingProperty)
        : error.keyword === 'additionalProperties'
          ? String(error.params.additionalProperty)
          : undefined;
    const entry = { path: toFieldPath(error.instancePath, child), message: message(error) };
    const key = `${entry.path}\u0000${entry.message}`;
    if (!seen.has(key)) fieldErrors.push(entry);
    seen.add(key);
  }
  return fieldErrors;
}

function hasType(schema: Schema, value: unknown): boolean {
  const actual =
    value === null
      ? 'null'
      : Array.isArray(value)
        ? 'array'
        : typeof value === 'number'
          ? Number.isInteger(value)
            ? ['integer', 'number']
            : ['number']
          : typeof value;
  const accepted = Array.isArray(schema.type) ? schema.type : [schema.type];
  return (Array.isArray(actual) ? actual : [actual]).some((t) => accepted.includes(t));
}
