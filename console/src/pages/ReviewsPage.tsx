// Owners' reviews: every one published as written, whatever its rating. Staff filter them by model,
// rating and status, and may remove one only for a reason from a fixed list (each removal is audited).
import { Alert, Anchor, Badge, Button, Group, Modal, Radio, Select, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../api';
import { EmptyTableRow } from '../components/EmptyTableRow';
import { LoadMoreButton } from '../components/LoadMoreButton';
import { PageHeader } from '../components/PageHeader';
import { ModelSelect } from '../components/registrations/ModelSelect';
import { formatDateTime, languageName } from '../format';
import { notifyError, notifySuccess } from '../notify';
import { useSession } from '../session';
import { useCursorList } from '../useCursorList';

type RemovalReason = 'abusive' | 'personal_data' | 'not_about_product' | 'spam';
type ReviewStatus = 'published' | 'removed';

/** A review as GET /reviews answers it. */
interface Review {
  id: string;
  rating: number;
  title: string | null;
  body: string;
  language: string;
  verifiedOwner: boolean;
  status: ReviewStatus;
  removal: { reason: RemovalReason; at: string; by: string | null } | null;
  author: { publicName: string | null; ownerId: string; ownerName: string };
  product: { ownershipId: string; modelId: string; modelName: string; serial: string | null };
  createdAt: string;
  updatedAt: string;
}

const reasons: { value: RemovalReason; label: string; description: string }[] = [
  { value: 'abusive', label: 'Abusive', description: 'Insults, threats, hate or obscenity.' },
  { value: 'personal_data', label: 'Personal data', description: 'Someone\'s phone number, address, email or other details that identify them.' },
  { value: 'not_about_product', label: 'Not about the product', description: 'About something else entirely: a delivery company, another brand, politics.' },
  { value: 'spam', label: 'Spam', description: 'Advertising, links to other sites, the same text posted again and again.' },
];
const reasonLabel = (reason: RemovalReason) => reasons.find((candidate) => candidate.value === reason)?.label ?? reason;

const ratingOptions = [5, 4, 3, 2, 1].map((stars) => ({ value: String(stars), label: `${'★'.repeat(stars)}${'☆'.repeat(5 - stars)} ${stars} star${stars === 1 ? '' : 's'}` }));
const statusOptions = [
  { value: 'published', label: 'Published' },
  { value: 'removed', label: 'Removed' },
];

function Stars({ rating }: { rating: number }) {
  return (
    <Text component="span" c="yellow.8" fz="lg" style={{ letterSpacing: '0.1em', whiteSpace: 'nowrap' }} role="img" aria-label={`${rating} out of 5 stars`}>
      {'★'.repeat(rating)}
      {'☆'.repeat(5 - rating)}
    </Text>
  );
}

/** Asks which of the fixed reasons applies before removing; there is deliberately no "low rating". */
function RemoveReviewButton({ review, onRemoved }: { review: Review; onRemoved: (updated: Review) => void }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState<RemovalReason | null>(null);
  const [busy, setBusy] = useState(false);

  async function remove() {
    if (!reason) return;
    setBusy(true);
    try {
      const updated = await api.post<Review>(`/reviews/${review.id}/removal`, { reason });
      notifySuccess(`Review removed (${reasonLabel(reason).toLowerCase()}). The removal is in the audit log.`);
      onRemoved(updated);
      close();
    } catch (error) {
      notifyError(error);
      // Someone else removed it first: show it as it now stands.
      if (error instanceof ApiError && error.status === 409) close();
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button size="xs" color="red" variant="light" onClick={() => { setReason(null); open(); }}>
        Remove
      </Button>
      <Modal opened={opened} onClose={close} title="Remove this review from public view" centered>
        <Stack gap="sm">
          <Text size="sm">
            Reviews are published whatever their rating. A review may be removed only for one of these reasons; a negative opinion is not one. Your
            name and the reason are recorded in the audit log.
          </Text>
          <Radio.Group label="Reason" value={reason} onChange={(value) => setReason(value as RemovalReason)} withAsterisk>
            <Stack gap="xs" mt="xs">
              {reasons.map((option) => (
                <Radio key={option.value} value={option.value} label={option.label} description={option.description} />
              ))}
            </Stack>
          </Radio.Group>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close} disabled={busy}>
              Cancel
            </Button>
            <Button color="red" loading={busy} disabled={!reason} onClick={() => void remove()}>
              Remove review
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

export function ReviewsPage() {
  const { can, session } = useSession();
  const [model, setModel] = useState<string | null>(null);
  const [rating, setRating] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const list = useCursorList<Review>('/reviews', { modelId: model ?? undefined, rating: rating ?? undefined, status: status ?? undefined });
  const filtered = Boolean(model || rating || status);

  function replace(updated: Review) {
    // A removed review leaves a list of published ones; otherwise it stays, marked removed.
    list.setItems((items) => (status === 'published' ? items.filter((item) => item.id !== updated.id) : items.map((item) => (item.id === updated.id ? updated : item))));
  }

  return (
    <>
      <PageHeader title="Reviews">
        {model && session && (
          <Anchor href={`/o/${session.brand.slug}/reviews/${model}`} target="_blank" rel="noreferrer" size="sm">
            Public page of this model
          </Anchor>
        )}
      </PageHeader>
      <Text size="sm" c="dimmed" mb="md" maw={760}>
        Owners write reviews from the link in the review request or from My products; each is published at once, whatever its rating, with a Verified owner
        badge. Shops can show them through the public feed (<Text span ff="monospace" size="xs">GET /api/v1/public/gtins/&#123;gtin&#125;/reviews</Text>).
      </Text>
      <Group mb="md" align="flex-end">
        <ModelSelect label="Model" placeholder="All models" value={model} onChange={setModel} clearable w={280} />
        <Select label="Rating" placeholder="Any rating" data={ratingOptions} value={rating} onChange={setRating} clearable w={200} />
        <Select label="Status" placeholder="Published and removed" data={statusOptions} value={status} onChange={setStatus} clearable w={220} />
      </Group>
      {list.error && <Alert color="red">{list.error}</Alert>}
      <Table.ScrollContainer minWidth={1000}>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Rating</Table.Th>
              <Table.Th>Review</Table.Th>
              <Table.Th>Author</Table.Th>
              <Table.Th>Product</Table.Th>
              <Table.Th>Written</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((review) => (
              <Table.Tr key={review.id}>
                <Table.Td>
                  <Stars rating={review.rating} />
                </Table.Td>
                <Table.Td maw={420}>
                  <Stack gap={4}>
                    {review.title && (
                      <Text size="sm" fw={600}>
                        {review.title}
                      </Text>
                    )}
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={6}>
                      {review.body}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {languageName(review.language)}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td style={{ minWidth: 150 }}>
                  <Stack gap={2}>
                    <Text size="sm">{review.author.publicName ?? '—'}</Text>
                    {review.verifiedOwner && (
                      <Badge color="green" variant="light" size="sm" w="fit-content">
                        ✓ Verified owner
                      </Badge>
                    )}
                    <Anchor component={Link} to={`/owners/${review.author.ownerId}?ownership=${review.product.ownershipId}`} size="xs">
                      {review.author.ownerName}
                    </Anchor>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{review.product.modelName}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {review.product.serial ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{formatDateTime(review.createdAt)}</Text>
                  {review.updatedAt !== review.createdAt && (
                    <Text size="xs" c="dimmed">
                      edited {formatDateTime(review.updatedAt)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {review.status === 'published' ? (
                    <Stack gap={6} align="flex-start">
                      <Badge color="blue" variant="light">
                        Published
                      </Badge>
                      {can('owners:write') && <RemoveReviewButton review={review} onRemoved={replace} />}
                    </Stack>
                  ) : (
                    <Stack gap={2}>
                      <Badge color="gray" variant="light">
                        Removed
                      </Badge>
                      {review.removal && (
                        <Text size="xs" c="dimmed">
                          {reasonLabel(review.removal.reason)}, {formatDateTime(review.removal.at)}
                          {review.removal.by ? ` by ${review.removal.by}` : ''}
                        </Text>
                      )}
                    </Stack>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            <EmptyTableRow show={!list.loading && list.items.length === 0} columns={6}>
              {filtered ? 'No review matches these filters.' : 'No reviews yet. They come from the review request journey and from owners\' My products page.'}
            </EmptyTableRow>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMoreButton hasMore={list.hasMore} loading={list.loading} onLoadMore={() => void list.loadMore()} />
    </>
  );
}
