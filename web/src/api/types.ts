import type { paths } from './schema';

/**
 * Named shapes of the API's answers, taken from the generated paths (the OpenAPI document inlines its
 * schemas, so they have no names of their own there).
 */
type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
export type ResponseOf<
  Path extends keyof paths,
  Method extends 'get' | 'post' | 'patch' | 'delete',
  Status extends number = 200,
> = paths[Path][Method] extends { responses: infer Responses }
  ? Status extends keyof Responses
    ? Json<Responses[Status]>
    : never
  : never;
export type RequestOf<
  Path extends keyof paths,
  Method extends 'post' | 'patch',
> = paths[Path][Method] extends {
  requestBody?: infer Body;
}
  ? Json<NonNullable<Body>>
  : never;

export type Account = ResponseOf<'/v1/account', 'get'>;
export type Campaign = ResponseOf<'/v1/campaigns/{id}', 'get'>;
export type CampaignSettingsInput = RequestOf<'/v1/campaigns', 'post'>;
export type CampaignStats = ResponseOf<'/v1/campaigns/{id}/stats', 'get'>;
export type Assistant = ResponseOf<'/v1/assistants/{id}', 'get'>;
export type PhoneNumber = ResponseOf<'/v1/phone-numbers', 'get'>['data'][number];
export type LeadSummary = ResponseOf<'/v1/campaigns/{id}/leads', 'get'>['data'][number];
export type LeadDetail = ResponseOf<'/v1/leads/{id}', 'get'>;
export type Call = ResponseOf<'/v1/calls/{id}', 'get'>;
export type CallSummary = ResponseOf<'/v1/campaigns/{id}/calls', 'get'>['data'][number];
export type ImportJob = ResponseOf<'/v1/imports/{id}', 'get'>;
