// The secret journey webhooks are signed with: shown to admins to give to the receiving system, and rotated.
import { Alert, Button, Code, CopyButton, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { formatDateTime } from '../../format';
import { notifyError, notifySuccess } from '../../notify';
import { ConfirmButton } from '../ConfirmButton';

interface SigningSecret {
  secret: string;
  createdAt: string;
  rotatedAt: string | null;
  previousSecretSignsUntil: string | null;
}

export function WebhookSigningSecretCard() {
  const [signing, setSigning] = useState<SigningSecret | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api
      .get<SigningSecret>('/webhook-signing-secret')
      .then((loaded) => !cancelled && setSigning(loaded))
      .catch((error: unknown) => !cancelled && setLoadError(error instanceof Error ? error.message : String(error)));
    return () => {
      cancelled = true;
    };
  }, []);

  async function rotate() {
    try {
      // Rotation answers with the new secret (the console sends no Idempotency-Key, so it is never a replay).
      setSigning(await api.post<SigningSecret>('/webhook-signing-secret/rotate'));
      notifySuccess('A new signing secret signs every webhook call from now on.');
    } catch (error) {
      notifyError(error);
      throw error;
    }
  }

  return (
    <Paper withBorder p="lg" mt="xl" maw={760}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>Webhook signing secret</Title>
          {signing && (
            <ConfirmButton
              size="xs"
              title="Rotate the signing secret?"
              message="A new secret signs every call from now on. The current one keeps signing beside it for 24 hours: give the new one to the receiving systems within that time."
              confirmLabel="Rotate secret"
              onConfirm={rotate}
            >
              Rotate
            </ConfirmButton>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          Journey webhook steps sign every call after the Standard Webhooks specification: the <Code>webhook-signature</Code> header holds{' '}
          <Code>v1,</Code> and the base64 HMAC-SHA256 of <Code>webhook-id.webhook-timestamp.body</Code>, keyed with the base64 after <Code>whsec_</Code>. Give this
          secret to the system that receives the calls so it can check each one came from OpenOX.
        </Text>
        {loadError && <Alert color="red">{loadError}</Alert>}
        {signing && (
          <>
            <Group align="flex-end" gap="sm">
              <PasswordInput label="Signing secret" value={signing.secret} readOnly style={{ flex: 1 }} styles={{ input: { fontFamily: 'monospace' } }} />
              <CopyButton value={signing.secret}>
                {({ copied, copy }) => (
                  <Button color={copied ? 'teal' : 'brand'} variant="light" onClick={copy}>
                    {copied ? 'Copied' : 'Copy secret'}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="xs" c="dimmed">
              {signing.rotatedAt ? `Rotated ${formatDateTime(signing.rotatedAt)}.` : `Made ${formatDateTime(signing.createdAt)}.`}
              {signing.previousSecretSignsUntil && ` Until ${formatDateTime(signing.previousSecretSignsUntil)}, calls also carry a signature made with the previous secret.`}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}
