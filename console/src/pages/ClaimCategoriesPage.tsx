// What owners choose from when they say what is wrong, per product category; OpenOX's defaults until a list is set.
import { ActionIcon, Alert, Badge, Button, Card, Center, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../api';
import type { ProblemCategory, ProductCategoryProblems } from '../components/claims/claimTypes';
import { PageHeader } from '../components/PageHeader';
import { formErrorsFrom } from '../formErrors';
import { notifyError, notifySuccess } from '../notify';
import { useSession } from '../session';

interface CategoriesAnswer {
  data: ProductCategoryProblems[];
  defaults: ProblemCategory[];
}

/** A label's code: "Door seal leaks" → "door_seal_leaks". */
function codeOf(label: string): string {
  return label.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 60);
}

function ProductCategoryCard({ entry, onSaved, canEdit }: { entry: ProductCategoryProblems; onSaved: (entry: ProductCategoryProblems) => void; canEdit: boolean }) {
  const [rows, setRows] = useState<ProblemCategory[]>(entry.categories);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const changed = JSON.stringify(rows) !== JSON.stringify(entry.categories);

  useEffect(() => setRows(entry.categories), [entry]);

  async function save(categories: ProblemCategory[]) {
    setBusy(true);
    try {
      const saved = await api.put<ProductCategoryProblems>(`/claim-categories/${encodeURIComponent(entry.productCategory)}`, { categories });
      onSaved(saved);
      setErrors({});
      notifySuccess(saved.custom ? `Problems for ${entry.productCategory} saved.` : `${entry.productCategory} uses the defaults again.`);
    } catch (error) {
      setErrors(formErrorsFrom(error));
      notifyError(error);
    } finally {
      setBusy(false);
    }
  }

  const update = (index: number, change: Partial<ProblemCategory>) => setRows((current) => current.map((row, at) => (at === index ? { ...row, ...change } : row)));

  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{entry.productCategory}</Title>
        <Badge variant="light" color={entry.custom ? 'blue' : 'gray'}>
          {entry.custom ? "The brand's own list" : 'OpenOX defaults'}
        </Badge>
      </Group>
      <Stack gap="xs">
        {rows.map((row, index) => (
          <Group key={index} wrap="nowrap" align="flex-start">
            <TextInput
              aria-label={`Problem ${index + 1}`}
              value={row.label}
              onChange={(event) => update(index, { label: event.currentTarget.value })}
              disabled={!canEdit}
              error={errors[`categories.${index}.label`]}
              style={{ flex: 1 }}
            />
            <TextInput
              aria-label={`Code of problem ${index + 1}`}
              placeholder="made from the words"
              value={row.code}
              onChange={(event) => update(index, { code: event.currentTarget.value })}
              disabled={!canEdit}
              error={errors[`categories.${index}.code`]}
              w={200}
              ff="monospace"
            />
            {canEdit && (
              <ActionIcon variant="subtle" color="red" aria-label={`Remove ${row.label || 'this problem'}`} onClick={() => setRows((current) => current.filter((_, at) => at !== index))} mt={6}>
                ×
              </ActionIcon>
            )}
          </Group>
        ))}
        {errors.categories && <Text c="red" size="sm">{errors.categories}</Text>}
      </Stack>
      {canEdit && (
        <Group mt="md" justify="space-between">
          <Button variant="subtle" onClick={() => setRows((current) => [...current, { code: '', label: '' }])}>
            Add a problem
          </Button>
          <Group>
            {entry.custom && (
              <Button variant="default" loading={busy} onClick={() => void save([])}>
                Use the defaults
              </Button>
            )}
            <Button loading={busy} disabled={!changed} onClick={() => void save(rows.map((row) => ({ label: row.label, code: row.code || codeOf(row.label) })))}>
              Save
            </Button>
          </Group>
        </Group>
      )}
    </Card>
  );
}

export function ClaimCategoriesPage() {
  const { can } = useSession();
  const [answer, setAnswer] = useState<CategoriesAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api
      .get<CategoriesAnswer>('/claim-categories')
      .then((loaded) => !cancelled && setAnswer(loaded))
      .catch((caught: unknown) => !cancelled && setError(caught instanceof Error ? caught.message : String(caught)));
    return () => {
      cancelled = true;
    };
  }, []);

  if (error) return <Alert color="red">{error}</Alert>;
  if (!answer) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading claim categories" />
      </Center>
    );
  }
  const replace = (saved: ProductCategoryProblems) => setAnswer((current) => current && { ...current, data: current.data.map((entry) => (entry.productCategory === saved.productCategory ? saved : entry)) });

  return (
    <Stack maw={900}>
      <PageHeader title="Claim categories" />
      <Text c="dimmed">
        When owners report a problem, they choose what is wrong from the list for their product&apos;s category. Claims keep the words they were filed with.
      </Text>
      {answer.data.length === 0 && <Text>Add models to the catalog first: each model category gets its own list.</Text>}
      {answer.data.map((entry) => (
        <ProductCategoryCard key={entry.productCategory} entry={entry} onSaved={replace} canEdit={can('catalog:write')} />
      ))}
    </Stack>
  );
}
