import type { SettingsDraft } from './settings-draft';

/** What every section of the settings form takes: the values, a way to change some, and the API's refusal. */
export interface SettingsSectionProps {
  readonly draft: SettingsDraft;
  readonly onChange: (change: Partial<SettingsDraft>) => void;
  /** The last save's failure, whose field messages the section shows under its fields. */
  readonly error: unknown;
  readonly disabled: boolean;
}
