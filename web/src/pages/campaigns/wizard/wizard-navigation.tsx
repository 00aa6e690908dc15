import { Button, Group } from '@mantine/core';

/** Back and Next under the wizard's steps; Next either submits the step's form or runs `onNext`. */
export function WizardNavigation({
  onBack,
  nextLabel,
  onNext,
  saving,
}: {
  /** Null on the first step. */
  readonly onBack: (() => void) | null;
  /** Null on the last step. */
  readonly nextLabel: string | null;
  readonly onNext: 'submit' | (() => void);
  readonly saving: boolean;
}) {
  return (
    <Group justify="space-between" maw={760}>
      <Button variant="default" onClick={onBack ?? undefined} disabled={onBack === null || saving}>
        Back
      </Button>
      {nextLabel !== null && (
        <Button
          type={onNext === 'submit' ? 'submit' : 'button'}
          onClick={onNext === 'submit' ? undefined : onNext}
          loading={saving}
        >
          {nextLabel}
        </Button>
      )}
    </Group>
  );
}
