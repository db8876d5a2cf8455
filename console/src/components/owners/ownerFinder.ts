// One search term to one place: a single owner opens their 360° view, anything else lists the matches.
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api';
import { notifyError } from '../../notify';
import type { Page } from '../../types';
import type { MatchKind, OwnerHit } from './overviewTypes';

export const matchLabels: Record<MatchKind, string> = {
  email: 'Email',
  phone: 'Phone',
  serial: 'Serial',
  claim: 'Claim',
  name: 'Name',
};

/** The owner's 360° view, with the product and claim the term found highlighted. */
export function ownerPath(hit: OwnerHit): string {
  const params = new URLSearchParams();
  const claim = hit.matches.find((match) => match.on === 'claim');
  const product = claim ?? hit.matches.find((match) => match.on === 'serial');
  if (product?.ownershipId) params.set('ownership', product.ownershipId);
  if (claim?.claimId) params.set('claim', claim.claimId);
  const query = params.toString();
  return `/owners/${hit.id}${query ? `?${query}` : ''}`;
}

export function ownersListPath(term: string): string {
  return `/owners?${new URLSearchParams({ q: term }).toString()}`;
}

/** `find(term)`: asks for two hits, which is enough to know whether exactly one owner matches. */
export function useOwnerFinder() {
  const navigate = useNavigate();
  const [finding, setFinding] = useState(false);
  const find = useCallback(
    async (typed: string): Promise<boolean> => {
      const term = typed.trim();
      if (!term) return false;
      setFinding(true);
      try {
        const page = await api.get<Page<OwnerHit>>('/owners', { q: term, limit: 2 });
        const [only] = page.data;
        navigate(page.data.length === 1 && only ? ownerPath(only) : ownersListPath(term));
        return true;
      } catch (caught) {
        notifyError(caught);
        return false;
      } finally {
        setFinding(false);
      }
    },
    [navigate],
  );
  return { find, finding };
}
