import { useCallback, useState } from 'react';
import type { SettingsDraft } from './settings-draft';

/** The settings form's values: `change` merges a few fields in, `reset` starts again from saved settings. */
export function useSettingsDraft(initial: SettingsDraft) {
  const [draft, setDraft] = useState(initial);
  const change = useCallback(
    (fields: Partial<SettingsDraft>) => setDraft((current) => ({ ...current, ...fields })),
    [],
  );
  return { draft, change, reset: setDraft };
}
