import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { createApiClient, type ApiClient } from './client';

/**
 * The signed-in API key, kept in sessionStorage: it lives as long as the browser tab (the "browser
 * session") and is never written to a cookie, so no other site's request carries it.
 */
const STORAGE_KEY = 'callwright.apiKey';

interface Session {
  readonly apiKey: string | null;
  readonly client: ApiClient | null;
  /** Why the last session ended, when the server refused its key. */
  readonly endedBecause: string | null;
  signIn(apiKey: string): void;
  signOut(reason?: string): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [apiKey, setApiKey] = useState(() => takeKeyFromLink() ?? sessionStorage.getItem(STORAGE_KEY));
  const [endedBecause, setEndedBecause] = useState<string | null>(null);

  const signOut = useCallback((reason?: string) => {
    sessionStorage.removeItem(STORAGE_KEY);
    setApiKey(null);
    setEndedBecause(reason ?? null);
  }, []);
  const signIn = useCallback((key: string) => {
    sessionStorage.setItem(STORAGE_KEY, key);
    setEndedBecause(null);
    setApiKey(key);
  }, []);
  const client = useMemo(
    () =>
      apiKey === null
        ? null
        : createApiClient(apiKey, () => signOut('The server no longer accepts this API key. Sign in again.')),
    [apiKey, signOut],
  );
  const session = useMemo(
    () => ({ apiKey, client, endedBecause, signIn, signOut }),
    [apiKey, client, endedBecause, signIn, signOut],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The API client of the signed-in user; pages under the signed-in layout only. */
export function useApi(): ApiClient {
  const { client } = useSession();
  if (client === null) throw new Error('useApi without a signed-in session');
  return client;
}

/**
 * `npm start` prints a link ending in `#key=…` that signs the demo user in. A fragment never reaches the
 * server or its logs; it is removed from the address bar as soon as it is read.
 */
function takeKeyFromLink(): string | null {
  const match = /^#key=([^&]+)$/.exec(window.location.hash);
  if (match === null) return null;
  const key = decodeURIComponent(match[1]!);
  sessionStorage.setItem(STORAGE_KEY, key);
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  return key;
}
