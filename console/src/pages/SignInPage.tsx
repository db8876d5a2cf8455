import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { ApiError } from '../api';
import { formErrorsFrom } from '../formErrors';
import { useSession } from '../session';

export function SignInPage() {
  const { signIn } = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : 'Enter your email address.'),
      password: (value) => (value ? null : 'Enter your password.'),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await signIn(values.email.trim(), values.password);
    } catch (error) {
      form.setErrors(formErrorsFrom(error));
      setFailure(error instanceof ApiError ? error.message : 'Signing in failed.');
    }
  });

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={400} maw="100%">
        <form onSubmit={submit} noValidate>
          <Stack>
            <div>
              <Title order={2}>OpenOX console</Title>
              <Text c="dimmed" size="sm">
                Sign in with your staff account.
              </Text>
            </div>
            {failure && (
              <Alert color="red" title="Could not sign in">
                {failure}
              </Alert>
            )}
            <TextInput label="Email" type="email" autoComplete="username" required {...form.getInputProps('email')} />
            <PasswordInput label="Password" autoComplete="current-password" required {...form.getInputProps('password')} />
            <Button type="submit" loading={form.submitting} fullWidth>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
