// A settings document edited in a form: loaded once into the form, and after each save the form shows
// what the server kept, with nothing left dirty.
import type { UseFormReturnType } from '@mantine/form';
import { useEffect, useState } from 'react';
import { api } from './api';

export function useSettingsDocument<Settings, Values>(path: string, form: UseFormReturnType<Values>, valuesFrom: (settings: Settings) => Values) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  function show(loaded: Settings) {
    setSettings(loaded);
    form.setValues(valuesFrom(loaded));
    form.resetDirty(valuesFrom(loaded));
  }

  useEffect(() => {
    let cancelled = false;
    api
      .get<Settings>(path)
      .then((loaded) => !cancelled && show(loaded))
      .catch((error: unknown) => !cancelled && setLoadError(error instanceof Error ? error.message : String(error)));
    return () => {
      cancelled = true;
    };
    // Loads once per document; `show` only touches the form, which is stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path]);

  return {
    settings,
    loadError,
    /** PUTs the body; the answer becomes the form's new clean state. Errors are the caller's to show. */
    save: async (body: unknown) => show(await api.put<Settings>(path, body)),
  };
}
