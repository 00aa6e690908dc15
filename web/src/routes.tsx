import { createBrowserRouter, Navigate } from 'react-router';
import { SignedInLayout } from './layout/signed-in-layout';
import { NotFoundPage } from './layout/not-found-page';
import { AccountPage } from './pages/account/account-page';
import { DoNotCallPage } from './pages/account/do-not-call-page';
import { WebhooksPage } from './pages/account/webhooks-page';
import { AssistantPage } from './pages/assistants/assistant-page';
import { AssistantsPage } from './pages/assistants/assistants-page';
import { CallPage } from './pages/calls/call-page';
import { CampaignCallsTab } from './pages/calls/campaign-calls-tab';
import { AddLeadsTab } from './pages/campaigns/add-leads/add-leads-tab';
import { CampaignLayout } from './pages/campaigns/detail/campaign-layout';
import { CampaignOverviewTab } from './pages/campaigns/detail/campaign-overview-tab';
import { CampaignListPage } from './pages/campaigns/list/campaign-list-page';
import { CampaignSettingsTab } from './pages/campaigns/settings/campaign-settings-tab';
import { CampaignWizardPage } from './pages/campaigns/wizard/campaign-wizard-page';
import { CampaignLeadsTab } from './pages/leads/campaign-leads-tab';
import { LeadPage } from './pages/leads/lead-page';
import { PhoneNumbersPage } from './pages/phone-numbers/phone-numbers-page';
import { SignInPage } from './pages/sign-in/sign-in-page';

/** The dashboard's pages; `callwright serve` answers any of these paths with the app (src/api/dashboard.ts). */
export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    element: <SignedInLayout />,
    children: [
      { index: true, element: <Navigate to="/campaigns" replace /> },
      { path: 'campaigns', element: <CampaignListPage /> },
      { path: 'campaigns/new', element: <CampaignWizardPage /> },
      {
        path: 'campaigns/:campaignId',
        element: <CampaignLayout />,
        children: [
          { index: true, element: <CampaignOverviewTab /> },
          { path: 'leads', element: <CampaignLeadsTab /> },
          { path: 'calls', element: <CampaignCallsTab /> },
          { path: 'settings', element: <CampaignSettingsTab /> },
          { path: 'add-leads', element: <AddLeadsTab /> },
        ],
      },
      { path: 'leads/:leadId', element: <LeadPage /> },
      { path: 'calls/:callId', element: <CallPage /> },
      { path: 'assistants', element: <AssistantsPage /> },
      { path: 'assistants/new', element: <AssistantPage /> },
      { path: 'assistants/:assistantId', element: <AssistantPage /> },
      { path: 'phone-numbers', element: <PhoneNumbersPage /> },
      { path: 'account', element: <AccountPage /> },
      { path: 'account/webhooks', element: <WebhooksPage /> },
      { path: 'account/do-not-call', element: <DoNotCallPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
