// QR codes for a model's packaging and inserts: one code (PNG or SVG) or a print sheet of serialised codes from a CSV.
import { Alert, Anchor, Button, Card, FileButton, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError, api, apiBase } from '../../api';

export function QrCodesCard({ modelId, sku, hasGtin }: { modelId: string; sku: string; hasGtin: boolean }) {
  const [serial, setSerial] = useState('');
  const [making, setMaking] = useState(false);
  const [problem, setProblem] = useState<{ message: string; lines: string[] } | null>(null);
  const query = serial.trim() ? `?serial=${encodeURIComponent(serial.trim())}` : '';

  async function printSheet(file: File | null) {
    if (!file) return;
    setMaking(true);
    setProblem(null);
    try {
      const form = new FormData();
      form.append('file', file);
      const pdf = await api.postFormForBlob(`/models/${modelId}/qr-sheet`, form);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(pdf);
      link.download = `${sku}-qr-sheet.pdf`;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (error) {
      const lines = error instanceof ApiError && Array.isArray(error.details)
        ? (error.details as { line?: number; message?: string }[]).filter((d) => d.line).map((d) => `Line ${d.line}: ${d.message}`)
        : [];
      setProblem({ message: error instanceof Error ? error.message : String(error), lines });
    } finally {
      setMaking(false);
    }
  }

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={4}>QR codes</Title>
        {!hasGtin ? (
          <Text size="sm">Add a GTIN to this model to make its GS1 Digital Link QR codes.</Text>
        ) : (
          <>
            <Text size="sm">Each code opens the model's registration page; with a serial, the serial is filled in for the owner.</Text>
            <Group align="end">
              <TextInput label="Serial (optional)" value={serial} onChange={(event) => setSerial(event.currentTarget.value)} w={240} />
              <Anchor href={`${apiBase}/models/${modelId}/qr.png${query}`} download>PNG</Anchor>
              <Anchor href={`${apiBase}/models/${modelId}/qr.svg${query}`} download>SVG</Anchor>
            </Group>
            <Group>
              <FileButton onChange={(file) => void printSheet(file)} accept=".csv,text/csv">
                {(props) => <Button variant="default" loading={making} {...props}>Print sheet from a CSV of serials</Button>}
              </FileButton>
              <Text size="xs" c="dimmed">One serial per line (a "serial" header is optional), up to 5,000.</Text>
            </Group>
            {problem && (
              <Alert color="red" title={problem.message}>
                {problem.lines.length > 0 && <List size="sm">{problem.lines.slice(0, 50).map((line) => <List.Item key={line}>{line}</List.Item>)}</List>}
              </Alert>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
