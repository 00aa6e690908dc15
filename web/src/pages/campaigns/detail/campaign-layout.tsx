import { Outlet } from 'react-router';

/** Placeholder while this page is being built. */
export function CampaignLayout() {
  return <Outlet />;
}
