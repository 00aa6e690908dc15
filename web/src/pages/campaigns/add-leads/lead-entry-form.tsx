import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { fieldError, FormError } from '../../../components/form-error';
import { LeadEntryOutcome } from './lead-entry-outcome';
import { useAddLead, type LeadBody } from './use-add-lead';

const EMPTY = { phone: '', secondaryPhones: '', name: '' };

/** The lead's fields in the request, as the API names them when it refuses one. */
const FIELDS = ['leads[0].phone', 'leads[0].secondaryPhones', 'leads[0].name'];

/** Secondary numbers are typed in one field, separated by commas, in the order they are to be dialed. */
function toLead(values: typeof EMPTY): LeadBody {
  const secondaryPhones = values.secondaryPhones
    .split(',')
    .map((phone) => phone.trim())
    .filter((phone) => phone !== '');
  const name = values.name.trim();
  return {
    phone: values.phone.trim(),
    ...(secondaryPhones.length > 0 ? { secondaryPhones } : {}),
    ...(name !== '' ? { name } : {}),
  };
}

/** Adds one lead by hand: its number, other numbers to try, and name. */
export function LeadEntryForm({ campaignId }: { readonly campaignId: string }) {
  const [values, setValues] = useState(EMPTY);
  const add = useAddLead(campaignId);
  const outcome = add.data;
  // A number the API found invalid is reported in the answer (200), not as a refused request.
  const invalid = (field: string) =>
    outcome?.invalid.find((entry) => entry.field === field || entry.field.startsWith(`${field}[`))?.message;
  const errorFor = (field: string) => fieldError(add.error, `leads[0].${field}`) ?? invalid(field);
  const set = (field: keyof typeof EMPTY) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setValues({ ...values, [field]: event.currentTarget.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(toLead(values), {
      onSuccess: (added) => {
        if (added.created > 0) setValues(EMPTY);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Add a lead by hand">
      <Stack gap="sm" maw={520}>
        <TextInput
          label="Phone"
          description="E.164 (+12125550123), or a national number of the server's default country"
          value={values.phone}
          onChange={set('phone')}
          error={errorFor('phone')}
        />
        <TextInput
          label="Secondary phones"
          description="Optional, separated by commas: tried in this order after the first number"
          value={values.secondaryPhones}
          onChange={set('secondaryPhones')}
          error={errorFor('secondaryPhones')}
        />
        <TextInput label="Name" value={values.name} onChange={set('name')} error={errorFor('name')} />
        <Group>
          <Button type="submit" loading={add.isPending}>
            Add lead
          </Button>
        </Group>
        {outcome !== undefined && <LeadEntryOutcome outcome={outcome} />}
        <FormError error={add.error} title="The lead was not added" fields={FIELDS} />
      </Stack>
    </form>
  );
}
