// One journey (at /journeys/:journeyId) or a new one (at /journeys/new): build it, publish versions,
// switch it live, watch its counts, preview it for an owner and see who is where.
import { Alert, Anchor, Badge, Breadcrumbs, Button, Center, Group, Loader, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, type FieldProblem } from '../api';
import { DefinitionJsonEditor, type JsonDraft } from '../components/journeys/DefinitionJsonEditor';
import { JourneyBuilder } from '../components/journeys/JourneyBuilder';
import { builderProblem, definitionJson, type JourneyFormValues, newJourney, withDefaults } from '../components/journeys/journeyForm';
import { statusColors, statusLabels } from '../components/journeys/journeyLabels';
import { JourneyPreviewPanel } from '../components/journeys/JourneyPreviewPanel';
import { JourneyRunsTable } from '../components/journeys/JourneyRunsTable';
import { JourneyStatusControl } from '../components/journeys/JourneyStatusControl';
import { JourneyTotals } from '../components/journeys/JourneyTotals';
import { PublishProblems } from '../components/journeys/PublishProblems';
import { useJourneyCounts } from '../components/journeys/useJourneyCounts';
import { VersionHistory } from '../components/journeys/VersionHistory';
import { PageHeader } from '../components/PageHeader';
import { formErrorsFrom } from '../formErrors';
import { notifyError, notifySuccess } from '../notify';
import { useSession } from '../session';
import type { JourneyDetail } from '../types';

export function JourneyPage() {
  const { journeyId } = useParams();
  // A fresh editor per journey: going from /journeys/new to the created journey must not keep the old state.
  return <JourneyEditor key={journeyId ?? 'new'} journeyId={journeyId} />;
}

function valuesOf(journey: JourneyDetail): JourneyFormValues {
  return { name: journey.name, definition: journey.definition };
}

function JourneyEditor({ journeyId }: { journeyId: string | undefined }) {
  const navigate = useNavigate();
  const { can } = useSession();
  const readOnly = !can('journeys:write');
  const [journey, setJourney] = useState<JourneyDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [tab, setTab] = useState<string>('builder');
  // While the JSON tab has been edited: its text, and JSON the builder cannot show (sent as it is).
  const [json, setJson] = useState<JsonDraft | null>(null);
  const [rawDefinition, setRawDefinition] = useState<unknown>(undefined);
  const [publishing, setPublishing] = useState(false);
  const form = useForm<JourneyFormValues>({ initialValues: newJourney });
  const { counts, refreshedAt } = useJourneyCounts(journey?.id, journey?.counts ?? null);

  useEffect(() => {
    if (!journeyId) return;
    let cancelled = false;
    api
      .get<JourneyDetail>(`/journeys/${journeyId}`)
      .then((loaded) => {
        if (cancelled) return;
        setJourney(loaded);
        form.setValues(valuesOf(loaded));
        form.resetDirty(valuesOf(loaded));
      })
      .catch((error: unknown) => !cancelled && setLoadError(error instanceof Error ? error.message : String(error)));
    return () => {
      cancelled = true;
    };
    // The editor is keyed by journey id, so this runs once per editor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function openTab(next: string | null) {
    if (!next) return;
    // The JSON tab starts from what the builder holds, unless it holds JSON the builder cannot show.
    if (next === 'json' && rawDefinition === undefined) setJson({ text: definitionJson(form.getValues().definition), syntaxError: null, builderProblem: null });
    setTab(next);
  }

  function editJson(text: string) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      setJson({ text, syntaxError: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}`, builderProblem: null });
      return;
    }
    const problem = builderProblem(parsed);
    setJson({ text, syntaxError: null, builderProblem: problem });
    if (problem) {
      setRawDefinition(parsed);
    } else {
      setRawDefinition(undefined);
      form.setFieldValue('definition', withDefaults(parsed as Record<string, unknown>));
    }
  }

  function discardJson() {
    setRawDefinition(undefined);
    setJson(null);
  }

  async function publish() {
    setPublishing(true);
    form.clearErrors();
    setProblems([]);
    const body = { name: form.getValues().name.trim(), definition: rawDefinition === undefined ? form.getValues().definition : rawDefinition };
    try {
      const saved = journey ? await api.put<JourneyDetail>(`/journeys/${journey.id}`, body) : await api.post<JourneyDetail>('/journeys', body);
      notifySuccess(journey ? `Published version ${saved.version} of ${saved.name}. Owners already inside finish on theirs.` : `Created ${saved.name}, switched off. Switch it live when it is ready.`);
      if (!journey) {
        navigate(`/journeys/${saved.id}`, { replace: true });
        return;
      }
      setJourney(saved);
      form.setValues(valuesOf(saved));
      form.resetDirty(valuesOf(saved));
      setRawDefinition(undefined);
      setJson(tab === 'json' ? { text: definitionJson(saved.definition), syntaxError: null, builderProblem: null } : null);
    } catch (error) {
      form.setErrors(formErrorsFrom(error));
      if (error instanceof ApiError) setProblems(error.fieldProblems);
      notifyError(error);
    } finally {
      setPublishing(false);
    }
  }

  if (loadError) {
    return (
      <Alert color="red" title="Could not load the journey">
        {loadError}
      </Alert>
    );
  }
  if (journeyId && !journey) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading journey" />
      </Center>
    );
  }

  const title = journey ? journey.name : 'New journey';
  const { definition } = form.values;
  const canSeeOwners = can('owners:read');
  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/journeys">
          Journeys
        </Anchor>
        <Text>{title}</Text>
      </Breadcrumbs>
      <PageHeader title={title}>
        {journey && (
          <>
            <Badge variant="light" size="lg" color={statusColors[journey.status]}>
              {statusLabels[journey.status]}
            </Badge>
            <Badge variant="outline" size="lg" color="gray">
              v{journey.version}
            </Badge>
          </>
        )}
        {!readOnly && (
          <Button onClick={() => void publish()} loading={publishing} disabled={json?.syntaxError != null}>
            {journey ? 'Publish new version' : 'Create journey'}
          </Button>
        )}
      </PageHeader>
      {journey && <JourneyStatusControl journey={journey} onChanged={setJourney} readOnly={readOnly} />}
      {counts && <JourneyTotals counts={counts} refreshedAt={refreshedAt} />}
      <TextInput label="Name" required readOnly={readOnly} maw={480} {...form.getInputProps('name')} />
      <PublishProblems problems={problems} definition={definition} />
      {form.isDirty() && !readOnly && (
        <Text size="sm" c="orange">
          Unpublished changes: owners see them once you publish.
        </Text>
      )}
      <Tabs value={tab} onChange={openTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="builder">Builder</Tabs.Tab>
          <Tabs.Tab value="json">JSON</Tabs.Tab>
          {journey && canSeeOwners && <Tabs.Tab value="preview">Preview</Tabs.Tab>}
          {journey && canSeeOwners && <Tabs.Tab value="runs">Owners in the journey</Tabs.Tab>}
          {journey && <Tabs.Tab value="versions">Versions ({journey.versions.length})</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="builder" pt="md">
          {rawDefinition !== undefined || json?.syntaxError ? (
            <Alert color="yellow" title={json?.syntaxError ? 'The JSON tab holds text that is not valid JSON' : 'The JSON tab holds a definition the builder cannot show'}>
              {json?.syntaxError ? 'Fix it there to publish.' : 'Publishing sends that JSON as it is.'}{' '}
              <Anchor component="button" onClick={discardJson}>
                Discard the JSON edits
              </Anchor>{' '}
              to go back to the builder.
            </Alert>
          ) : (
            <JourneyBuilder form={form} counts={counts?.steps ?? null} readOnly={readOnly} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="json" pt="md">
          {json && <DefinitionJsonEditor draft={json} onChange={editJson} readOnly={readOnly} />}
        </Tabs.Panel>
        {journey && canSeeOwners && (
          <Tabs.Panel value="preview" pt="md">
            <JourneyPreviewPanel journeyId={journey.id} definition={rawDefinition === undefined ? definition : null} />
          </Tabs.Panel>
        )}
        {journey && canSeeOwners && (
          <Tabs.Panel value="runs" pt="md">
            <JourneyRunsTable journeyId={journey.id} stepIds={definition.steps.map((step) => step.id)} />
          </Tabs.Panel>
        )}
        {journey && (
          <Tabs.Panel value="versions" pt="md">
            <VersionHistory versions={journey.versions} current={journey.version} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
