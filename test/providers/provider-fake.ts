/**
 * What every provider's local fake (test/fakes/) lets a test do, whatever the provider: script what the phone
 * network does with a number, make the next create-call request fail as the real service can, and choose how it
 * delivers its webhooks. The fake posts its webhooks, signed as the real service signs them, to the URL the
 * adapter gave it in the create-call request.
 */
export interface ProviderFake {
  /** What happens to calls to `to` from now on; numbers without a script are answered by a person, goal not met. */
  script(to: string, outcome: FakeOutcome): void;
  /** The next create-call request fails like this, once. */
  failNextCreate(failure: FakeCreateFailure): void;
  /** Resolves once the fake has delivered every webhook of the call's script (the call ended and was analysed). */
  settled(providerCallId: string): Promise<void>;
  /** Deliver each later webhook twice, or in a shuffled order, as real services may. */
  deliver(mode: 'once' | 'twice' | 'shuffled'): void;
  close(): Promise<void>;
}

/** How a scripted call ends. `goal` outcomes report the assistant's goal variable as true or false. */
export type FakeOutcome =
  'answered_goal_met' | 'answered_goal_not_met' | 'voicemail' | 'busy' | 'no_answer' | 'failed';

/** A create-call refusal as the real API answers it: HTTP 429, a 5xx, no answer at all, an invalid number. */
export type FakeCreateFailure = 'rate_limited' | 'server_error' | 'timeout' | 'invalid_number';
