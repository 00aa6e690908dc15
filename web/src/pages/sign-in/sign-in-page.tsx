import { Alert, Button, Card, Center, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError, createApiClient, unwrap } from '../../api/client';
import { useSession } from '../../api/session';

/**
 * Sign in with an account's API key. The key is checked with `GET /v1/account` before it is kept, so a wrong
 * key is refused here with the server's reason instead of failing on the next page.
 */
export function SignInPage() {
  const session = useSession();
  const location = useLocation();
  const [apiKey, setApiKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/campaigns';

  if (session.apiKey !== null) return <Navigate to={from} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const key = apiKey.trim();
    if (key === '') {
      setError('Enter an API key: it starts with cw_ and was shown once when the account was created.');
      return;
    }
    setChecking(true);
    setError(null);
    try {
      await unwrap(createApiClient(key, () => undefined).GET('/v1/account'));
      session.signIn(key);
    } catch (failure) {
      setError(
        failure instanceof ApiError && failure.problem.status === 401
          ? 'This API key is not valid: it is unknown or was revoked. Check it and try again.'
          : `Could not sign in: ${failure instanceof Error ? failure.message : String(failure)}`,
      );
    } finally {
      setChecking(false);
    }
  };

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Card withBorder shadow="sm" padding="xl" w={420} maw="100%">
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack>
            <div>
              <Title order={1} size="h2">
                Callwright
              </Title>
              <Text c="dimmed" size="sm">
                Outbound AI calling campaigns
              </Text>
            </div>
            {session.endedBecause !== null && (
              <Alert color="yellow" role="status">
                {session.endedBecause}
              </Alert>
            )}
            <PasswordInput
              label="API key"
              description="The account's key (cw_…). `npm start` prints a sign-in link for the demo account."
              value={apiKey}
              onChange={(event) => setApiKey(event.currentTarget.value)}
              error={error}
              autoComplete="off"
              data-autofocus
              autoFocus
            />
            <Button type="submit" loading={checking}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Card>
    </Center>
  );
}
