import { useSearchParams } from 'react-router';
import { isLeadStatus, type LeadStatus } from './lead-status';

/**
 * The leads list's filter, kept in the address's query string (`?status=rescheduled&q=ada`), so a link or a
 * reload shows the same leads. Changes replace the history entry: Back leaves the list instead of undoing
 * each keystroke of a search.
 */
export function useLeadFilters() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const change = (name: 'status' | 'q', value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null || value === '') next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );
  return {
    /** An unknown status in a hand-written address filters nothing. */
    status: isLeadStatus(status) ? status : null,
    q: params.get('q') ?? '',
    setStatus: (value: LeadStatus | null) => change('status', value),
    setQuery: (value: string) => change('q', value),
  };
}
