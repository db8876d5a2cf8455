// Creates a model (at /catalog/new) or edits one (at /catalog/:modelId), with its resources on edit.
import { Alert, Anchor, Breadcrumbs, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api';
import { ConfirmButton } from '../components/ConfirmButton';
import { BasicsFields } from '../components/model/BasicsFields';
import { GtinRows } from '../components/model/GtinRows';
import { MaintenanceRows } from '../components/model/MaintenanceRows';
import { emptyModel, formValuesFrom, modelBodyFrom, type ModelFormValues } from '../components/model/modelForm';
import { SerialRuleRows } from '../components/model/SerialRuleRows';
import { WarrantyFields } from '../components/model/WarrantyFields';
import { PageHeader } from '../components/PageHeader';
import { QrCodesCard } from '../components/model/QrCodesCard';
import { ResourcesPanel } from '../components/resources/ResourcesPanel';
import { showSaveError } from '../formErrors';
import { notifyError, notifySuccess } from '../notify';
import { useSession } from '../session';
import type { Model } from '../types';
import { useCategories } from '../useCategories';

export function ModelPage() {
  const { modelId } = useParams();
  // A fresh editor per model: going from /catalog/new to the created model must not keep the old state.
  return <ModelEditor key={modelId ?? 'new'} modelId={modelId} />;
}

function ModelEditor({ modelId }: { modelId: string | undefined }) {
  const navigate = useNavigate();
  const { can } = useSession();
  const readOnly = !can('catalog:write');
  const categories = useCategories();
  const [model, setModel] = useState<Model | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [imageUrl, setImageUrl] = useState<string | null>(null);
  const form = useForm<ModelFormValues>({ initialValues: emptyModel });

  useEffect(() => {
    if (!modelId) return;
    let cancelled = false;
    api
      .get<Model>(`/models/${modelId}`)
      .then((loaded) => {
        if (cancelled) return;
        setModel(loaded);
        setImageUrl(loaded.imageUrl);
        form.setValues(formValuesFrom(loaded));
        form.resetDirty(formValuesFrom(loaded));
      })
      .catch((error: unknown) => !cancelled && setLoadError(error instanceof Error ? error.message : String(error)));
    return () => {
      cancelled = true;
    };
    // The editor is keyed by model id, so this runs once per editor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const save = form.onSubmit(async (values) => {
    form.clearErrors();
    try {
      const body = modelBodyFrom(values);
      if (model) {
        const saved = await api.patch<Model>(`/models/${model.id}`, body);
        setModel(saved);
        form.setValues(formValuesFrom(saved));
        form.resetDirty(formValuesFrom(saved));
        notifySuccess(`Saved ${saved.name}.`);
      } else {
        const created = await api.post<Model>('/models', body);
        notifySuccess(`Created ${created.name}.`);
        navigate(`/catalog/${created.id}`, { replace: true });
      }
    } catch (error) {
      showSaveError(form, error);
    }
  });

  async function remove() {
    if (!model) return;
    try {
      await api.delete(`/models/${model.id}`);
      notifySuccess(`Deleted ${model.name}.`);
      navigate('/catalog');
    } catch (error) {
      notifyError(error);
      throw error;
    }
  }

  if (loadError) {
    return (
      <Alert color="red" title="Could not load the model">
        {loadError}
      </Alert>
    );
  }
  if (modelId && !model) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading model" />
      </Center>
    );
  }

  const title = model ? model.name : 'New model';
  return (
    <Stack gap="lg" maw={1100}>
      <Breadcrumbs>
        <Anchor component={Link} to="/catalog">
          Catalog
        </Anchor>
        <Text>{title}</Text>
      </Breadcrumbs>
      <form onSubmit={save} noValidate>
        <PageHeader title={title}>
          {model && !readOnly && (
            <ConfirmButton
              title="Delete this model?"
              message={`${model.name} (${model.sku}) and its resources will be removed from the catalog.`}
              confirmLabel="Delete model"
              onConfirm={remove}
            >
              Delete
            </ConfirmButton>
          )}
          {!readOnly && (
            <Button type="submit" loading={form.submitting}>
              {model ? 'Save changes' : 'Create model'}
            </Button>
          )}
        </PageHeader>
        <Stack gap="lg">
          <BasicsFields
            form={form}
            imageUrl={imageUrl}
            categories={categories}
            readOnly={readOnly}
            onImageChange={(fileId, url) => {
              form.setFieldValue('imageFileId', fileId);
              setImageUrl(url);
            }}
          />
          <GtinRows form={form} readOnly={readOnly} />
          <SerialRuleRows form={form} readOnly={readOnly} />
          <WarrantyFields form={form} readOnly={readOnly} />
          <MaintenanceRows form={form} readOnly={readOnly} />
          {!readOnly && (
            <Group justify="flex-end">
              <Button type="submit" loading={form.submitting}>
                {model ? 'Save changes' : 'Create model'}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
      {model && <QrCodesCard modelId={model.id} sku={model.sku} hasGtin={model.gtins.length > 0} />}
      {model && <ResourcesPanel modelId={model.id} readOnly={readOnly} />}
    </Stack>
  );
}
