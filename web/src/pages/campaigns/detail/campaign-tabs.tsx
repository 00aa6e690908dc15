import { Tabs } from '@mantine/core';
import { Link, useMatch } from 'react-router';

/** Overview is the campaign's own address; every other tab a segment below it. */
const TABS = [
  { path: '', label: 'Overview' },
  { path: 'leads', label: 'Leads' },
  { path: 'calls', label: 'Calls' },
  { path: 'settings', label: 'Settings' },
  { path: 'add-leads', label: 'Add leads' },
] as const;

/**
 * The campaign's tabs, each a real link to its own address (so it can be bookmarked or opened in a new browser
 * tab). The address decides the selected tab; arrow keys move between tabs and Enter follows one.
 */
export function CampaignTabs({ campaignId }: { readonly campaignId: string }) {
  const current = useMatch('/campaigns/:campaignId/:tab')?.params.tab ?? 'overview';
  const base = `/campaigns/${encodeURIComponent(campaignId)}`;
  return (
    <Tabs value={current} activateTabWithKeyboard={false}>
      <Tabs.List aria-label="Campaign sections">
        {TABS.map((tab) => (
          <Tabs.Tab
            key={tab.label}
            value={tab.path === '' ? 'overview' : tab.path}
            // Mantine draws a tab as a button; as a link it needs no button `type`.
            renderRoot={(props) => (
              <Link {...props} type={undefined} to={tab.path === '' ? base : `${base}/${tab.path}`} />
            )}
          >
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
