import { Button, Group, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formatMoney } from '../../components/format';
import { FormCard } from '../../components/form-card';
import { fieldError, FormError } from '../../components/form-error';
import { AdminKeyInput } from './admin-key-input';
import { useAddCredit, isWrongAdminKey } from './use-add-credit';
import { useAccount } from '../../components/use-account';

const SHOWN_FIELDS = ['amount', 'note'];

/**
 * Credit is granted by the server's operator: in a self-hosted install that is whoever holds the admin key.
 * The key is asked for here, sent with this one request and forgotten.
 */
export function AddCreditForm() {
  const account = useAccount();
  const addCredit = useAddCredit();
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [adminKey, setAdminKey] = useState('');
  const error = addCredit.error;

  const submit = () => {
    if (account.data === undefined) return;
    addCredit.mutate(
      { accountId: account.data.id, adminKey: adminKey.trim(), amount: amount.trim(), note: note.trim() },
      {
        onSuccess: (entry) => {
          notifications.show({
            color: 'green',
            message: `${formatMoney(entry.amount)} added to the balance.`,
          });
          setAmount('');
          setNote('');
        },
        // Right or wrong, the key is not kept a moment longer than the request.
        onSettled: () => setAdminKey(''),
      },
    );
  };

  return (
    <FormCard
      title="Add credit"
      description="Credit is granted by the server's operator, so adding it takes the operator's admin key. The key is used for this one request and never stored."
      onSubmit={submit}
    >
      <Group grow align="flex-start">
        <TextInput
          label="Amount"
          description="Exact decimal, e.g. 100.00"
          inputMode="decimal"
          value={amount}
          onChange={(event) => setAmount(event.currentTarget.value)}
          error={fieldError(error, 'amount')}
          rightSection={<Text size="xs">{account.data?.balance.currency}</Text>}
          required
        />
        <TextInput
          label="Note"
          description="Optional: shown in the ledger"
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={fieldError(error, 'note')}
        />
      </Group>
      <AdminKeyInput value={adminKey} onChange={setAdminKey} refused={isWrongAdminKey(error)} />
      {!isWrongAdminKey(error) && <FormError error={error} fields={SHOWN_FIELDS} title="Credit not added" />}
      <Group justify="flex-end">
        <Button type="submit" loading={addCredit.isPending} disabled={account.data === undefined}>
          Add credit
        </Button>
      </Group>
    </FormCard>
  );
}
