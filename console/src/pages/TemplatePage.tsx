// One template: its contents per language, edited side by side with a preview for a real owner.
import { Alert, Anchor, Badge, Breadcrumbs, Button, Card, Center, Grid, Group, Loader, Select, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../api';
import { ConfirmButton } from '../components/ConfirmButton';
import { PageHeader } from '../components/PageHeader';
import { ContentEditor } from '../components/templates/ContentEditor';
import { type TemplateInUse, TemplateInUseAlert, templateInUseOf } from '../components/templates/TemplateInUseAlert';
import { TemplatePreviewPanel } from '../components/templates/TemplatePreviewPanel';
import { type ContentDraft, type Template, type TemplateClass, classLabels, commonLanguages, contentBody, draftOf, templateClasses } from '../components/templates/templateTypes';
import { VariableList } from '../components/templates/VariableList';
import { fieldPath } from '../formErrors';
import { notifyError, notifySuccess } from '../notify';
import { useSession } from '../session';

type FieldErrors = Partial<Record<keyof ContentDraft, string>>;

interface Editing {
  name: string;
  class: TemplateClass;
  defaultLanguage: string;
  drafts: Record<string, ContentDraft>;
  /** Languages the saved template has that the editor removed. */
  removed: string[];
}

function editingOf(template: Template): Editing {
  return {
    name: template.name,
    class: template.class,
    defaultLanguage: template.defaultLanguage,
    drafts: Object.fromEntries(template.contents.map((content) => [content.language, draftOf(content)])),
    removed: [],
  };
}

/** `contents.es.body` → errors by language and field; anything else is shown at the top. */
function errorsByLanguage(error: ApiError): { byLanguage: Record<string, FieldErrors>; other: string[] } {
  const byLanguage: Record<string, FieldErrors> = {};
  const other: string[] = [];
  for (const problem of error.fieldProblems) {
    const match = /^contents\.([^.]+)\.(subject|body|buttonLabel|buttonUrl)$/.exec(fieldPath(problem.path));
    if (match) (byLanguage[match[1] as string] ??= {})[match[2] as keyof ContentDraft] ??= problem.message;
    else other.push(problem.message);
  }
  return { byLanguage, other };
}

export function TemplatePage() {
  const { key = '' } = useParams();
  const navigate = useNavigate();
  const { can } = useSession();
  const canEdit = can('templates:manage');
  const [template, setTemplate] = useState<Template | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [language, setLanguage] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, FieldErrors>>({});
  const [loadError, setLoadError] = useState<string | null>(null);
  const [newLanguage, setNewLanguage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [inUse, setInUse] = useState<TemplateInUse | null>(null);

  const show = useCallback((loaded: Template) => {
    setTemplate(loaded);
    setEditing(editingOf(loaded));
    setLanguage((current) => (current && loaded.languages.includes(current) ? current : loaded.defaultLanguage));
    setErrors({});
  }, []);

  useEffect(() => {
    let cancelled = false;
    setTemplate(null);
    setLoadError(null);
    api
      .get<Template>(`/templates/${key}`)
      .then((loaded) => !cancelled && show(loaded))
      .catch((caught: unknown) => !cancelled && setLoadError(caught instanceof Error ? caught.message : String(caught)));
    return () => {
      cancelled = true;
    };
  }, [key, show]);

  if (loadError) {
    return (
      <Alert color="red" title="Could not load the template">
        {loadError}
      </Alert>
    );
  }
  if (!template || !editing || !language) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading template" />
      </Center>
    );
  }

  const languages = Object.keys(editing.drafts);
  const draft = editing.drafts[language];
  const setDraft = (changed: ContentDraft) => setEditing({ ...editing, drafts: { ...editing.drafts, [language]: changed } });

  function addLanguage() {
    if (!editing || !newLanguage || editing.drafts[newLanguage]) return;
    const start = editing.drafts[editing.defaultLanguage] ?? { subject: '', body: '', buttonLabel: '', buttonUrl: '' };
    setEditing({ ...editing, drafts: { ...editing.drafts, [newLanguage]: { ...start } }, removed: editing.removed.filter((removed) => removed !== newLanguage) });
    setLanguage(newLanguage);
    setNewLanguage(null);
  }

  function removeLanguage(removed: string) {
    if (!editing || !template) return;
    const { [removed]: _, ...rest } = editing.drafts;
    setEditing({ ...editing, drafts: rest, removed: template.languages.includes(removed) ? [...editing.removed, removed] : editing.removed });
    setLanguage(editing.defaultLanguage);
  }

  async function save() {
    if (!editing || !template) return;
    setSaving(true);
    try {
      const contents = {
        ...Object.fromEntries(Object.entries(editing.drafts).map(([code, content]) => [code, contentBody(content, template.channel)])),
        ...Object.fromEntries(editing.removed.map((code) => [code, null])),
      };
      show(await api.patch<Template>(`/templates/${template.key}`, { name: editing.name.trim(), class: editing.class, defaultLanguage: editing.defaultLanguage, contents }));
      notifySuccess('Template saved.');
    } catch (caught) {
      if (caught instanceof ApiError) {
        const { byLanguage } = errorsByLanguage(caught);
        setErrors(byLanguage);
        const first = Object.keys(byLanguage)[0];
        if (first) setLanguage(first);
      }
      notifyError(caught);
    } finally {
      setSaving(false);
    }
  }

  async function remove() {
    if (!template) return;
    try {
      await api.delete(`/templates/${template.key}`);
      notifySuccess(`${template.name} was removed.`);
      navigate('/templates');
    } catch (caught) {
      // Journeys still send it: the dialog closes and the page names them, each a link to change.
      const refusal = templateInUseOf(caught);
      if (refusal) {
        setInUse(refusal);
        return;
      }
      notifyError(caught);
      throw caught;
    }
  }

  return (
    <Stack gap="lg" maw={1400}>
      <div>
        <Breadcrumbs mb="sm">
          <Anchor component={Link} to="/templates">
            Templates
          </Anchor>
          <Text>{template.name}</Text>
        </Breadcrumbs>
        <PageHeader title={template.name}>
          <Badge variant="light">{template.channel === 'email' ? 'Email' : 'SMS'}</Badge>
          <Text size="sm" ff="monospace">
            {template.key}
          </Text>
          {canEdit && (
            <ConfirmButton color="red" variant="subtle" title="Remove this template?" message="Messages already sent keep their text. A template that journeys still send cannot be removed: you will be told which." confirmLabel="Remove" onConfirm={remove}>
              Remove
            </ConfirmButton>
          )}
          {canEdit && (
            <Button onClick={() => void save()} loading={saving}>
              Save
            </Button>
          )}
        </PageHeader>
        {inUse && <TemplateInUseAlert inUse={inUse} onClose={() => setInUse(null)} />}
      </div>

      <Grid gap="xl">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack>
            <Group grow align="flex-start">
              <TextInput label="Name" value={editing.name} onChange={(event) => setEditing({ ...editing, name: event.currentTarget.value })} disabled={!canEdit} />
              <Select label="Class" data={templateClasses.map((value) => ({ value, label: classLabels[value] }))} value={editing.class} onChange={(value) => value && setEditing({ ...editing, class: value as TemplateClass })} allowDeselect={false} disabled={!canEdit} />
              <Select
                label="Default language"
                description="Owners whose language has no content get this one."
                data={languages}
                value={editing.defaultLanguage}
                onChange={(value) => value && setEditing({ ...editing, defaultLanguage: value })}
                allowDeselect={false}
                disabled={!canEdit}
              />
            </Group>
            <Tabs value={language} onChange={(value) => value && setLanguage(value)} keepMounted={false}>
              <Tabs.List>
                {languages.map((code) => (
                  <Tabs.Tab key={code} value={code} color={errors[code] && Object.keys(errors[code] ?? {}).length > 0 ? 'red' : undefined}>
                    {code}
                    {code === editing.defaultLanguage ? ' (default)' : ''}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
            </Tabs>
            {draft && (
              <Card withBorder>
                <ContentEditor channel={template.channel} draft={draft} errors={errors[language] ?? {}} onChange={setDraft} />
                {canEdit && language !== editing.defaultLanguage && (
                  <Group justify="flex-end" mt="sm">
                    <Button size="xs" variant="subtle" color="red" onClick={() => removeLanguage(language)}>
                      Remove {language}
                    </Button>
                  </Group>
                )}
              </Card>
            )}
            {canEdit && (
              <Group align="flex-end">
                <Select
                  label="Add a language"
                  placeholder="Choose or type a code (pt-BR)"
                  data={commonLanguages.filter((option) => !languages.includes(option.value))}
                  value={newLanguage}
                  onChange={setNewLanguage}
                  searchable
                  w={280}
                />
                <Button variant="default" onClick={addLanguage} disabled={!newLanguage}>
                  Add
                </Button>
              </Group>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <Card withBorder>
              <Title order={4} mb="sm">
                Preview
              </Title>
              {draft && (
                <TemplatePreviewPanel
                  templateKey={template.key}
                  channel={template.channel}
                  language={language}
                  draft={draft}
                  onProblems={(problems) => setErrors({ ...errors, [language]: problems })}
                />
              )}
            </Card>
            <Card withBorder>
              <Title order={4} mb="sm">
                Variables
              </Title>
              <VariableList />
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
