/** The requirements a campaign must meet to start (DESIGN §2.3); every unmet one is reported at once. */
export const START_REQUIREMENT_CODES = [
  'assistant_has_no_phone_number',
  'provider_not_configured',
  'insufficient_balance',
  'no_callable_leads',
] as const;
export type StartRequirementCode = (typeof START_REQUIREMENT_CODES)[number];

export interface StartFacts {
  readonly assistantHasPhoneNumber: boolean;
  readonly provider: string;
  readonly providerConfigured: boolean;
  readonly balanceMinor: number;
  readonly minimumStartBalanceMinor: number;
  readonly formatAmount: (minor: number) => string;
  readonly callableLeads: number;
}

export interface UnmetRequirement {
  readonly code: StartRequirementCode;
  readonly message: string;
}

export function checkStartRequirements(facts: StartFacts): readonly UnmetRequirement[] {
  const unmet: UnmetRequirement[] = [];
  if (!facts.assistantHasPhoneNumber) {
    unmet.push({
      code: 'assistant_has_no_phone_number',
      message: 'the assistant has no phone number to call from: give it an outbound phone number',
    });
  }
  if (!facts.providerConfigured) {
    unmet.push({
      code: 'provider_not_configured',
      message: `the assistant's provider "${facts.provider}" is not configured on this server`,
    });
  }
  if (facts.balanceMinor < facts.minimumStartBalanceMinor) {
    unmet.push({
      code: 'insufficient_balance',
      message: `the balance ${facts.formatAmount(facts.balanceMinor)} is below the minimum of ${facts.formatAmount(facts.minimumStartBalanceMinor)} needed to start: add credit`,
    });
  }
  if (facts.callableLeads === 0) {
    unmet.push({
      code: 'no_callable_leads',
      message: 'the campaign has no lead with a valid number left to call: add leads',
    });
  }
  return unmet;
}
