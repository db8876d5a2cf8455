// Invites a staff user, or changes one's name, role, access or password.
import { Button, Group, Modal, PasswordInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { api } from '../../api';
import { showSaveError } from '../../formErrors';
import { notifySuccess } from '../../notify';
import { roleOptions } from '../../roleOptions';
import type { Role, StaffUser } from '../../types';

interface StaffFormModalProps {
  /** null invites a new user. */
  user: StaffUser | null;
  opened: boolean;
  onClose: () => void;
  onSaved: (user: StaffUser) => void;
}

export function StaffFormModal({ user, opened, onClose, onSaved }: StaffFormModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={user ? `Edit ${user.name}` : 'Add staff user'}>
      {opened && <StaffForm user={user} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

function StaffForm({ user, onClose, onSaved }: Omit<StaffFormModalProps, 'opened'>) {
  const form = useForm({
    initialValues: {
      email: user?.email ?? '',
      name: user?.name ?? '',
      role: (user?.role ?? 'agent') as Role,
      disabled: user?.disabled ?? false,
      password: '',
    },
  });

  const save = form.onSubmit(async (values) => {
    try {
      const saved = user
        ? await api.patch<StaffUser>(`/staff/${user.id}`, {
            name: values.name.trim(),
            role: values.role,
            disabled: values.disabled,
            // Only a typed password is a reset; an empty field keeps the current one.
            ...(values.password ? { password: values.password } : {}),
          })
        : await api.post<StaffUser>('/staff', {
            email: values.email.trim(),
            name: values.name.trim(),
            role: values.role,
            password: values.password,
          });
      notifySuccess(user ? `Saved ${saved.name}.` : `Added ${saved.name}.`);
      onSaved(saved);
      onClose();
    } catch (error) {
      showSaveError(form, error);
    }
  });

  return (
    <form onSubmit={save} noValidate>
      <Stack>
        <TextInput label="Email" type="email" required disabled={user !== null} {...form.getInputProps('email')} />
        <TextInput label="Name" required {...form.getInputProps('name')} />
        <Select label="Role" data={roleOptions} allowDeselect={false} {...form.getInputProps('role')} />
        <PasswordInput
          label={user ? 'New password' : 'Password'}
          description={user ? 'Leave empty to keep the current password. At least 10 characters.' : 'At least 10 characters; tell it to them by a separate channel.'}
          required={user === null}
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        {user && (
          <Switch
            label="Disabled (cannot sign in; open sessions end at once)"
            {...form.getInputProps('disabled', { type: 'checkbox' })}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            {user ? 'Save' : 'Add user'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
