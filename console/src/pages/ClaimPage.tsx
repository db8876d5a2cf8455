// One claim on one screen: owner, product, coverage, what is wrong, where it stands, and everything to move it on.
import { Alert, Anchor, Badge, Breadcrumbs, Button, Card, Center, Grid, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api';
import { ClaimAttachments } from '../components/claims/ClaimAttachments';
import { ClaimCoverageCard } from '../components/claims/ClaimCoverageCard';
import { ClaimHandlingCard } from '../components/claims/ClaimHandlingCard';
import { ClaimTimeline } from '../components/claims/ClaimTimeline';
import { ClaimTransitionButtons } from '../components/claims/ClaimTransitionButtons';
import { NewClaimModal } from '../components/claims/NewClaimModal';
import { formatDuration, formatMoney, statusColors, statusLabels } from '../components/claims/claimLabels';
import type { ClaimDetail } from '../components/claims/claimTypes';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime, humanize } from '../format';
import { useSession } from '../session';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function fulfilmentText(fulfilment: NonNullable<ClaimDetail['fulfilment']>): string {
  if (fulfilment.kind === 'repair') return `Repair booked for ${formatDateTime(fulfilment.bookedFor)}`;
  if (fulfilment.kind === 'replacement') return `Replacement shipped with ${fulfilment.carrier}, tracking ${fulfilment.trackingNumber}`;
  return `Refund of ${formatMoney(fulfilment.amountMinor ?? 0, fulfilment.currency ?? 'USD')}`;
}

export function ClaimPage() {
  const { claimId = '' } = useParams();
  const { can } = useSession();
  const [claim, setClaim] = useState<ClaimDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filing, setFiling] = useState(false);
  const canWrite = can('claims:write');

  useEffect(() => {
    let cancelled = false;
    setClaim(null);
    setError(null);
    api
      .get<ClaimDetail>(`/claims/${claimId}`)
      .then((loaded) => !cancelled && setClaim(loaded))
      .catch((caught: unknown) => !cancelled && setError(caught instanceof Error ? caught.message : String(caught)));
    return () => {
      cancelled = true;
    };
  }, [claimId]);

  if (error) {
    return (
      <Alert color="red" title="Could not load the claim">
        {error}
      </Alert>
    );
  }
  if (!claim) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading claim" />
      </Center>
    );
  }

  return (
    <Stack gap="lg" maw={1200}>
      <div>
        <Breadcrumbs mb="sm">
          <Anchor component={Link} to="/claims">
            Claims
          </Anchor>
          <Text>{claim.number}</Text>
        </Breadcrumbs>
        <PageHeader title={`Claim ${claim.number}`}>
          <Badge color={statusColors[claim.status]} size="lg" variant="light">
            {statusLabels[claim.status]}
          </Badge>
          {claim.paidService && (
            <Badge color="orange" size="lg" variant="light">
              Paid service
            </Badge>
          )}
          {canWrite && (
            <Button variant="default" onClick={() => setFiling(true)}>
              New claim for this product
            </Button>
          )}
        </PageHeader>
        <NewClaimModal ownershipId={claim.ownership.id} opened={filing} onClose={() => setFiling(false)} />
        <ClaimTransitionButtons claim={claim} onChanged={setClaim} canWrite={canWrite} />
      </div>

      {claim.serviceNote && <Alert color="orange">{claim.serviceNote}</Alert>}
      {claim.denialReason && (
        <Alert color="red" title="Denied">
          {claim.denialReason}
        </Alert>
      )}

      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            <Card withBorder>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Fact label="Owner">
                  <Anchor component={Link} to={`/owners/${claim.owner.id}`}>
                    {claim.owner.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {claim.owner.email}
                  </Text>
                </Fact>
                <Fact label="Product">
                  {claim.model.name}
                  <Text size="xs" c="dimmed" ff="monospace">
                    {claim.ownership.serial ?? 'no serial'}
                  </Text>
                </Fact>
                <Fact label="Reach them by">
                  {claim.contactChannels.map(humanize).join(', ')}
                  {claim.contactPhone && (
                    <Text size="xs" c="dimmed">
                      {claim.contactPhone}
                    </Text>
                  )}
                </Fact>
                <Fact label="Problem">{claim.problem.label}</Fact>
                <Fact label="Filed">
                  {formatDateTime(claim.createdAt)}
                  <Text size="xs" c="dimmed">
                    {humanize(claim.source)} · {claim.createdBy.label}
                  </Text>
                </Fact>
                <Fact label="Kind">{humanize(claim.kind)}</Fact>
              </SimpleGrid>
              <Title order={5} mt="md">
                What the owner says
              </Title>
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {claim.description}
              </Text>
              {claim.videoUrl && (
                <Anchor href={claim.videoUrl} target="_blank" rel="noopener noreferrer nofollow" size="sm">
                  Video: {claim.videoUrl}
                </Anchor>
              )}
              {claim.fulfilment && (
                <Text size="sm" mt="sm" fw={500}>
                  {fulfilmentText(claim.fulfilment)}
                </Text>
              )}
            </Card>
            <Card withBorder>
              <Title order={4} mb="sm">
                Timeline
              </Title>
              <ClaimTimeline claim={claim} onChanged={setClaim} canWrite={canWrite} />
            </Card>
            <Card withBorder>
              <Title order={4} mb="sm">
                Photos and files
              </Title>
              <ClaimAttachments claim={claim} onChanged={setClaim} canWrite={canWrite} />
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <Card withBorder>
              <Title order={4} mb="xs">
                Service level
              </Title>
              <SimpleGrid cols={2}>
                <Fact label="Age">{formatDuration(claim.sla.ageSeconds)}</Fact>
                <Fact label="In this status">{formatDuration(claim.sla.timeInStatusSeconds)}</Fact>
                <Fact label="First response">{formatDuration(claim.sla.firstResponseSeconds)}</Fact>
                <Fact label="Resolution">{formatDuration(claim.sla.resolutionSeconds)}</Fact>
              </SimpleGrid>
            </Card>
            <ClaimHandlingCard claim={claim} onChanged={setClaim} canWrite={canWrite} />
            <ClaimCoverageCard filed={claim.coverage} current={claim.currentCoverage} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
