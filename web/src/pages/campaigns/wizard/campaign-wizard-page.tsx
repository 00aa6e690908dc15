import { Stack, Stepper, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Assistant } from '../../../api/types';
import { FormError } from '../../../components/form-error';
import { AddLeadsPanel } from '../add-leads/add-leads-panel';
import { RetrySection } from '../settings/retry-section';
import { ScheduleSection } from '../settings/schedule-section';
import { DEFAULT_DRAFT, toSettingsBody } from '../settings/settings-draft';
import { firstStepWithError, SETTINGS_FIELDS, SETTINGS_STEPS } from '../settings/settings-steps';
import { goalVariablesOf } from '../settings/use-assistant';
import { useSettingsDraft } from '../settings/use-settings-draft';
import { NameAssistantStep } from './name-assistant-step';
import { ReviewStep } from './review-step';
import { useAssistantChoices } from './use-assistant-choices';
import { useWizardCampaign } from './use-wizard-campaign';
import { WizardNavigation } from './wizard-navigation';

/** Leaving the last settings step saves the campaign; the steps after it need the campaign. */
const LAST_SETTINGS_STEP = SETTINGS_STEPS.length - 1;
const LEADS_STEP = LAST_SETTINGS_STEP + 1;
const REVIEW_STEP = LEADS_STEP + 1;

/** `/campaigns/new`: the quick start, from a name to a campaign with leads ready to start. */
export function CampaignWizardPage() {
  const [active, setActive] = useState(0);
  const [assistant, setAssistant] = useState<Assistant | null>(null);
  // The one check made here: the next steps need the assistant's time zone and variables.
  const [assistantMissing, setAssistantMissing] = useState(false);
  const assistants = useAssistantChoices();
  const { draft, change } = useSettingsDraft(DEFAULT_DRAFT);
  const wizard = useWizardCampaign();
  const section = { draft, onChange: change, error: wizard.error, disabled: false };
  const goalVariables = goalVariablesOf(assistant ?? undefined);
  const campaignId = wizard.campaign?.id ?? null;

  const chooseAssistant = (chosen: Assistant | null) => {
    setAssistant(chosen);
    setAssistantMissing(false);
    // A goal is a variable of the assistant: another assistant may not have it.
    const variables = goalVariablesOf(chosen ?? undefined) ?? [];
    if (draft.goalVariable !== null && !variables.includes(draft.goalVariable))
      change({ goalVariable: null });
  };

  const next = async () => {
    if (active === 0 && assistant === null) return setAssistantMissing(true);
    if (active !== LAST_SETTINGS_STEP) return setActive(Math.min(active + 1, REVIEW_STEP));
    const refusal = await wizard.save(assistant?.id ?? '', toSettingsBody(draft));
    setActive(refusal === null ? LEADS_STEP : (firstStepWithError(refusal) ?? active));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void next();
  };

  const content = (
    <Stack gap="lg">
      <Stepper active={active} onStepClick={setActive} allowNextStepsSelect={false} mih={420}>
        <Stepper.Step label="Name and assistant">
          <NameAssistantStep
            {...section}
            assistants={assistants}
            assistantId={assistant?.id ?? null}
            onAssistantChange={chooseAssistant}
            created={campaignId !== null}
            missing={assistantMissing}
          />
        </Stepper.Step>
        <Stepper.Step label="Calling hours">
          <ScheduleSection {...section} timeZone={assistant?.timezone ?? null} />
        </Stepper.Step>
        <Stepper.Step label="Retries and goal">
          <RetrySection {...section} goalVariables={goalVariables} />
        </Stepper.Step>
        <Stepper.Step label="Leads">
          {campaignId !== null && <AddLeadsPanel campaignId={campaignId} />}
        </Stepper.Step>
        <Stepper.Step label="Review">
          {campaignId !== null && <ReviewStep campaignId={campaignId} assistant={assistant ?? undefined} />}
        </Stepper.Step>
      </Stepper>
      <FormError error={wizard.error} title="The campaign was not saved" fields={SETTINGS_FIELDS} />
      <WizardNavigation
        onBack={active > 0 ? () => setActive(active - 1) : null}
        nextLabel={nextLabel(active, campaignId !== null)}
        // In the settings steps Next submits their form; the leads step is not a form.
        onNext={active <= LAST_SETTINGS_STEP ? 'submit' : () => void next()}
        saving={wizard.saving}
      />
    </Stack>
  );

  return (
    <Stack gap="md" maw={1100}>
      <div>
        <Title order={1} size="h2">
          New campaign
        </Title>
        <Text size="sm" c="dimmed">
          Name it, set when and how often to call, add leads, then start it.
        </Text>
      </div>
      {/* The settings steps are a form, so Enter goes on; the leads step has forms of its own. */}
      {active <= LAST_SETTINGS_STEP ? (
        <form onSubmit={submit} noValidate aria-label="New campaign settings">
          {content}
        </form>
      ) : (
        content
      )}
    </Stack>
  );
}

/** The Next button's words at each step: saving the settings says what it does; the review has none. */
function nextLabel(step: number, created: boolean): string | null {
  if (step === LAST_SETTINGS_STEP) return created ? 'Save and continue' : 'Create campaign';
  if (step === LEADS_STEP) return 'Review';
  return step === REVIEW_STEP ? null : 'Next';
}
