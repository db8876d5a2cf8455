// Renders the content being edited for a real owner and one of their products: nothing is sent, links are not tracked.
import { Alert, Badge, Button, Group, Select, Stack, Tabs, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api';
import type { OwnerDetail } from '../../types';
import { OwnerPicker } from './OwnerPicker';
import type { ContentDraft, TemplateChannel, TemplatePreview } from './templateTypes';
import { contentBody } from './templateTypes';

export function TemplatePreviewPanel({ templateKey, channel, language, draft, onProblems }: {
  templateKey: string;
  channel: TemplateChannel;
  language: string;
  draft: ContentDraft;
  /** Field problems of the draft (API paths `body.content.<field>`), for the editor to show. */
  onProblems: (problems: Partial<Record<keyof ContentDraft, string>>) => void;
}) {
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [products, setProducts] = useState<{ value: string; label: string }[]>([]);
  const [ownershipId, setOwnershipId] = useState<string | null>(null);
  const [preview, setPreview] = useState<TemplatePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  // Until the owner's products are in, "no product" would be a guess, not a choice.
  const [loadingProducts, setLoadingProducts] = useState(false);

  useEffect(() => {
    setOwnershipId(null);
    setProducts([]);
    setPreview(null);
    if (!ownerId) return;
    let cancelled = false;
    setLoadingProducts(true);
    api
      .get<OwnerDetail>(`/owners/${ownerId}`)
      .then((owner) => {
        if (cancelled) return;
        const active = owner.ownerships.filter((product) => product.status === 'active');
        setProducts(active.map((product) => ({ value: product.id, label: `${product.model.name}${product.serial ? ` (${product.serial})` : ''}` })));
        setOwnershipId(active[0]?.id ?? null);
      })
      .catch(() => undefined)
      .finally(() => !cancelled && setLoadingProducts(false));
    return () => {
      cancelled = true;
    };
  }, [ownerId]);

  async function render() {
    if (!ownerId) return;
    setLoading(true);
    setError(null);
    try {
      const rendered = await api.post<TemplatePreview>(`/templates/${templateKey}/preview`, { ownerId, ownershipId, language, content: contentBody(draft, channel) });
      setPreview(rendered);
      onProblems({});
    } catch (caught) {
      setPreview(null);
      setError(caught instanceof Error ? caught.message : String(caught));
      if (caught instanceof ApiError) {
        const problems: Partial<Record<keyof ContentDraft, string>> = {};
        for (const problem of caught.fieldProblems) {
          const field = problem.path.replace(/^body\.content\./, '') as keyof ContentDraft;
          problems[field] ??= problem.message;
        }
        onProblems(problems);
      }
    } finally {
      setLoading(false);
    }
  }

  return (
    <Stack>
      <OwnerPicker
        label="Preview for owner"
        placeholder="Search by email, phone, serial or name"
        value={ownerId}
        onChange={(chosen) => {
          setLoadingProducts(chosen !== null);
          setOwnerId(chosen);
        }}
      />
      <Select label="About their product" placeholder={ownerId ? 'None: the message is about the owner only' : 'Choose an owner first'} data={products} value={ownershipId} onChange={setOwnershipId} clearable disabled={!ownerId} />
      <Group>
        <Button onClick={() => void render()} loading={loading} disabled={!ownerId || loadingProducts}>
          Preview {language}
        </Button>
        <Text size="xs" c="dimmed">
          Nothing is sent; links are shown untracked.
        </Text>
      </Group>
      {error && (
        <Alert color="red" title="Cannot render">
          {error}
        </Alert>
      )}
      {preview && (
        <Stack gap="xs">
          <Group gap="xs">
            <Badge variant="light">{preview.language}</Badge>
            <Badge variant="light" color="gray">
              {preview.class}
            </Badge>
            <Text size="sm">{preview.recipient ? `To ${preview.recipient}` : `This owner has no ${channel === 'sms' ? 'phone number' : 'email address'}: nothing would be sent.`}</Text>
          </Group>
          {preview.subject && (
            <Text size="sm">
              <strong>Subject:</strong> {preview.subject}
            </Text>
          )}
          <Tabs defaultValue={preview.html ? 'html' : 'text'} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="html" disabled={!preview.html}>
                HTML
              </Tabs.Tab>
              <Tabs.Tab value="text">Text</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="html" pt="sm">
              {preview.html && (
                <iframe
                  title="Preview of the email"
                  sandbox=""
                  srcDoc={preview.html}
                  style={{ width: '100%', height: 560, border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)', background: 'white' }}
                />
              )}
            </Tabs.Panel>
            <Tabs.Panel value="text" pt="sm">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {preview.text}
              </Text>
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </Stack>
  );
}
