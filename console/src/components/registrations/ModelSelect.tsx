// Picks one model, searching the catalog by name or SKU as the user types (a brand may have thousands).
import { api } from '../../api';
import type { Model, Page } from '../../types';
import { SearchSelect, type SearchSelectProps } from '../SearchSelect';

type ModelSelectProps = Omit<SearchSelectProps, 'search' | 'minSearchLength' | 'nothingFound'>;

async function searchModels(q: string) {
  // Nothing typed lists the first models.
  const page = await api.get<Page<Model>>('/models', { q: q || undefined, limit: 50 });
  return page.data.map((model) => ({ value: model.id, label: `${model.name} (${model.sku})` }));
}

export function ModelSelect(props: ModelSelectProps) {
  return <SearchSelect {...props} search={searchModels} nothingFound={() => 'No model matches'} />;
}
