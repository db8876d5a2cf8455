// One segment (at /segments/:segmentId) or a new one (at /segments/new): its condition, built with the
// journeys' condition builder, a preview of who meets it, its members, and "refresh now".
import { Alert, Anchor, Badge, Breadcrumbs, Button, Center, Fieldset, Group, List, Loader, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api';
import { ConfirmButton } from '../components/ConfirmButton';
import { ConditionEditor } from '../components/journeys/ConditionEditor';
import { statusLabels } from '../components/journeys/journeyLabels';
import { PageHeader } from '../components/PageHeader';
import { SegmentMembersTable } from '../components/segments/SegmentMembersTable';
import { SegmentPreviewPanel } from '../components/segments/SegmentPreviewPanel';
import type { SegmentDetail } from '../components/segments/segmentTypes';
import { formatDateTime } from '../format';
import { showSaveError } from '../formErrors';
import { notifyError, notifySuccess } from '../notify';
import { useSession } from '../session';
import type { JourneyCondition } from '../types';

interface SegmentFormValues {
  name: string;
  description: string;
  condition: JourneyCondition | null;
}

const everyone: JourneyCondition = { all: [] };
// While a refresh is queued, look again this often for its figures.
const pollMs = 3000;

export function SegmentPage() {
  const { segmentId } = useParams();
  return <SegmentEditor key={segmentId ?? 'new'} segmentId={segmentId} />;
}

function valuesOf(segment: SegmentDetail): SegmentFormValues {
  return { name: segment.name, description: segment.description ?? '', condition: segment.condition };
}

function SegmentEditor({ segmentId }: { segmentId: string | undefined }) {
  const navigate = useNavigate();
  const { can } = useSession();
  const readOnly = !can('journeys:write');
  const canSeeOwners = can('owners:read');
  const [segment, setSegment] = useState<SegmentDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useForm<SegmentFormValues>({ initialValues: { name: '', description: '', condition: null } });

  useEffect(() => {
    if (!segmentId) return;
    let cancelled = false;
    api
      .get<SegmentDetail>(`/segments/${segmentId}`)
      .then((loaded) => {
        if (cancelled) return;
        setSegment(loaded);
        form.setValues(valuesOf(loaded));
        form.resetDirty(valuesOf(loaded));
      })
      .catch((error: unknown) => !cancelled && setLoadError(error instanceof Error ? error.message : String(error)));
    return () => {
      cancelled = true;
    };
    // Keyed by segment id: this runs once per editor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A queued refresh runs within seconds: show its figures when it has.
  useEffect(() => {
    if (!segment?.refreshPending) return;
    const timer = setTimeout(() => {
      api.get<SegmentDetail>(`/segments/${segment.id}`).then(setSegment).catch(() => undefined);
    }, pollMs);
    return () => clearTimeout(timer);
  }, [segment]);

  const condition = form.values.condition ?? everyone;

  async function save() {
    setSaving(true);
    form.clearErrors();
    const { name, description } = form.getValues();
    const body = { name: name.trim(), description: description.trim() || null, condition };
    try {
      const saved = segment ? await api.put<SegmentDetail>(`/segments/${segment.id}`, body) : await api.post<SegmentDetail>('/segments', body);
      notifySuccess(segment ? `Saved ${saved.name}.` : `Created ${saved.name}; its members are being computed.`);
      if (!segment) {
        navigate(`/segments/${saved.id}`, { replace: true });
        return;
      }
      setSegment(saved);
      form.setValues(valuesOf(saved));
      form.resetDirty(valuesOf(saved));
    } catch (error) {
      showSaveError(form, error);
    } finally {
      setSaving(false);
    }
  }

  async function refresh() {
    if (!segment) return;
    try {
      setSegment(await api.post<SegmentDetail>(`/segments/${segment.id}/refresh`));
      notifySuccess('Refresh queued; the figures update when it has run.');
    } catch (error) {
      notifyError(error);
    }
  }

  async function remove() {
    if (!segment) return;
    try {
      await api.delete(`/segments/${segment.id}`);
      notifySuccess(`Deleted ${segment.name}.`);
      navigate('/segments');
    } catch (error) {
      notifyError(error);
      throw error;
    }
  }

  if (loadError) {
    return (
      <Alert color="red" title="Could not load the segment">
        {loadError}
      </Alert>
    );
  }
  if (segmentId && !segment) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading segment" />
      </Center>
    );
  }

  const title = segment ? segment.name : 'New segment';
  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/segments">
          Segments
        </Anchor>
        <Text>{title}</Text>
      </Breadcrumbs>
      <PageHeader title={title}>
        {segment && !readOnly && (
          <Button variant="default" onClick={() => void refresh()} disabled={segment.refreshPending}>
            {segment.refreshPending ? 'Refresh queued…' : 'Refresh now'}
          </Button>
        )}
        {segment && !readOnly && (
          <ConfirmButton
            title={`Delete ${segment.name}?`}
            message="Its members are forgotten. Journeys it triggers must be given another trigger first."
            confirmLabel="Delete segment"
            onConfirm={remove}
          >
            Delete
          </ConfirmButton>
        )}
        {!readOnly && (
          <Button onClick={() => void save()} loading={saving}>
            {segment ? 'Save' : 'Create segment'}
          </Button>
        )}
      </PageHeader>
      {segment && (
        <Group gap="xl">
          <Text size="sm">
            <b>{segment.memberCount.toLocaleString()}</b> products
          </Text>
          <Text size="sm">
            Last refresh: {formatDateTime(segment.refreshedAt)} (+{segment.lastEntered.toLocaleString()} entered, −{segment.lastLeft.toLocaleString()} left)
          </Text>
          {segment.refreshPending && (
            <Badge variant="light" color="yellow">
              refresh queued
            </Badge>
          )}
        </Group>
      )}
      <TextInput label="Name" required readOnly={readOnly} maw={480} {...form.getInputProps('name')} />
      <Textarea label="Description" readOnly={readOnly} maw={640} autosize minRows={1} {...form.getInputProps('description')} />
      <Fieldset legend="Who is in it" disabled={readOnly}>
        <ConditionEditor
          value={form.values.condition}
          onChange={(next) => form.setFieldValue('condition', next)}
          path="condition"
          errors={form.errors}
          readOnly={readOnly}
          scope="segment"
          emptyText="No rules: every product an owner still has (except those registered for safety notices only)."
        />
        {canSeeOwners && (
          <Stack mt="md" gap="xs">
            <SegmentPreviewPanel condition={condition} />
          </Stack>
        )}
      </Fieldset>
      {segment && (
        <Fieldset legend="Journeys it starts">
          {segment.journeys.length === 0 ? (
            <Text size="sm" c="dimmed">
              None yet. In a journey&apos;s trigger, pick &quot;Entering a segment&quot; and this segment.
            </Text>
          ) : (
            <List size="sm">
              {segment.journeys.map((journey) => (
                <List.Item key={journey.id}>
                  <Anchor component={Link} to={`/journeys/${journey.id}`}>
                    {journey.name}
                  </Anchor>{' '}
                  ({statusLabels[journey.status]})
                </List.Item>
              ))}
            </List>
          )}
        </Fieldset>
      )}
      {segment && canSeeOwners && (
        <Fieldset legend="Members">
          <SegmentMembersTable segmentId={segment.id} count={segment.memberCount} version={segment.refreshedAt} />
        </Fieldset>
      )}
    </Stack>
  );
}
