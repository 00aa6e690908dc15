import type { Assistant, RequestOf } from '../../api/types';
import type { Provider } from '../phone-numbers/providers';

export type AssistantInput = RequestOf<'/v1/assistants', 'post'>;
export type VariableType = NonNullable<AssistantInput['variables']>[number]['type'];

/** The types a post-call variable may have, typed from the API's schema. */
const VARIABLE_TYPE_LABELS: Record<VariableType, string> = {
  boolean: 'Yes / no (boolean)',
  string: 'Text',
  number: 'Number',
};
export const VARIABLE_TYPE_OPTIONS = (Object.keys(VARIABLE_TYPE_LABELS) as VariableType[]).map((value) => ({
  value,
  label: VARIABLE_TYPE_LABELS[value],
}));

/** A row of the variables editor; `key` keeps a row's inputs in place when an earlier row is removed. */
export interface VariableRow {
  readonly key: number;
  readonly name: string;
  readonly type: VariableType;
}

/** The form as typed: text stays text (a rate is never a float), empty means "not set". */
export interface AssistantFormValues {
  readonly name: string;
  readonly provider: Provider;
  readonly providerAssistantId: string;
  readonly phoneNumberId: string | null;
  readonly timezone: string | null;
  readonly ratePerMinute: string;
  readonly maxCallMinutes: number | string;
  readonly variables: readonly VariableRow[];
  readonly optOutVariable: string;
}

/** The fields of one part of the form, and how to change them. */
export interface FieldsProps {
  readonly values: AssistantFormValues;
  readonly onChange: (change: Partial<AssistantFormValues>) => void;
  /** The last refused submission, whose field messages go under the fields. */
  readonly error: unknown;
}

let lastRowKey = 0;
export function newVariableRow(name = '', type: VariableType = 'boolean'): VariableRow {
  lastRowKey += 1;
  return { key: lastRowKey, name, type };
}

/** The form's first values: the assistant's, or a new one's. */
export function formValuesOf(assistant: Assistant | undefined): AssistantFormValues {
  return {
    name: assistant?.name ?? '',
    provider: (assistant?.provider as Provider | undefined) ?? 'simulator',
    providerAssistantId: assistant?.providerAssistantId ?? '',
    phoneNumberId: assistant?.phoneNumberId ?? null,
    timezone: assistant?.timezone ?? null,
    ratePerMinute: assistant?.ratePerMinute.amount ?? '',
    maxCallMinutes: assistant?.maxCallMinutes ?? 30,
    variables: (assistant?.variables ?? []).map((v) => newVariableRow(v.name, v.type as VariableType)),
    // The API's default for a new assistant (docs/api.md, the do-not-call list): opt-outs are read.
    optOutVariable: assistant === undefined ? 'opt_out' : (assistant.optOutVariable ?? ''),
  };
}

/** The request body, every field sent: the API checks them all and names each one it refuses. */
export function assistantInputOf(values: AssistantFormValues): AssistantInput {
  const optional = (text: string) => (text.trim() === '' ? null : text.trim());
  return {
    name: values.name.trim(),
    provider: values.provider,
    providerAssistantId: optional(values.providerAssistantId),
    phoneNumberId: values.phoneNumberId,
    timezone: values.timezone ?? '',
    ratePerMinute: values.ratePerMinute.trim(),
    ...(typeof values.maxCallMinutes === 'number' ? { maxCallMinutes: values.maxCallMinutes } : {}),
    variables: values.variables.map(({ name, type }) => ({ name: name.trim(), type })),
    optOutVariable: optional(values.optOutVariable),
  };
}

/** Every field of the request has an input on the form, which shows its messages (a variable's under its row). */
export const SHOWN_FIELDS: readonly (keyof AssistantInput)[] = [
  'name',
  'provider',
  'providerAssistantId',
  'phoneNumberId',
  'timezone',
  'ratePerMinute',
  'maxCallMinutes',
  'variables',
  'optOutVariable',
];
