import { Button, NumberInput, Select, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../../api/client';
import { useApi } from '../../api/session';
import type { RequestOf } from '../../api/types';
import { FormCard } from '../../components/form-card';
import { fieldError, FormError } from '../../components/form-error';
import { useProviderOptions, type Provider } from './providers';
import { PHONE_NUMBERS_KEY } from './use-phone-numbers';

type PhoneNumberInput = RequestOf<'/v1/phone-numbers', 'post'>;

const SHOWN_FIELDS = ['number', 'provider', 'providerRef', 'label', 'callsPerSecond'];

/** Registers a caller id (`POST /v1/phone-numbers`); the API checks the number and names what is wrong. */
export function AddPhoneNumberForm() {
  const client = useApi();
  const queryClient = useQueryClient();
  const [number, setNumber] = useState('');
  const [provider, setProvider] = useState<Provider>('simulator');
  const [providerRef, setProviderRef] = useState('');
  const providerOptions = useProviderOptions();
  const [label, setLabel] = useState('');
  const [callsPerSecond, setCallsPerSecond] = useState<number | string>('');
  const add = useMutation({
    mutationFn: (body: PhoneNumberInput) => unwrap(client.POST('/v1/phone-numbers', { body })),
    onSuccess: (created) => {
      notifications.show({ color: 'green', message: `${created.number} added.` });
      setNumber('');
      setProviderRef('');
      setLabel('');
      setCallsPerSecond('');
      return queryClient.invalidateQueries({ queryKey: PHONE_NUMBERS_KEY });
    },
  });

  const submit = () =>
    add.mutate({
      number: number.trim(),
      provider,
      ...(providerRef.trim() === '' ? {} : { providerRef: providerRef.trim() }),
      ...(label.trim() === '' ? {} : { label: label.trim() }),
      ...(typeof callsPerSecond === 'number' ? { callsPerSecond } : {}),
    });

  return (
    <FormCard title="Add phone number" onSubmit={submit}>
      <TextInput
        label="Number"
        description="E.164, e.g. +12125550199"
        value={number}
        onChange={(event) => setNumber(event.currentTarget.value)}
        error={fieldError(add.error, 'number')}
        inputMode="tel"
        required
      />
      <Select<Provider>
        label="Provider"
        data={providerOptions}
        value={provider}
        onChange={(value) => value !== null && setProvider(value)}
        error={fieldError(add.error, 'provider')}
        allowDeselect={false}
      />
      <TextInput
        label="Provider's id of the number"
        description="Vapi phoneNumberId, Twilio SID…; not needed for the simulator"
        value={providerRef}
        onChange={(event) => setProviderRef(event.currentTarget.value)}
        error={fieldError(add.error, 'providerRef')}
      />
      <TextInput
        label="Label"
        description="Optional: how you recognise it"
        value={label}
        onChange={(event) => setLabel(event.currentTarget.value)}
        error={fieldError(add.error, 'label')}
      />
      <NumberInput
        label="Calls per second"
        description="How fast this caller id may dial; 1 when left empty"
        value={callsPerSecond}
        onChange={setCallsPerSecond}
        error={fieldError(add.error, 'callsPerSecond')}
        allowDecimal={false}
      />
      <FormError error={add.error} fields={SHOWN_FIELDS} title="Not added" />
      <Button type="submit" loading={add.isPending}>
        Add phone number
      </Button>
    </FormCard>
  );
}
