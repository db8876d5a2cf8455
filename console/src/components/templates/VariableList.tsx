// The variables a template may use, with what each holds and an example; a click copies it ready to paste.
import { Code, ScrollArea, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { notifyError, notifySuccess } from '../../notify';
import type { TemplateVariable } from './templateTypes';

export function VariableList() {
  const [variables, setVariables] = useState<TemplateVariable[]>([]);
  useEffect(() => {
    api
      .get<{ data: TemplateVariable[] }>('/template-variables')
      .then((answer) => setVariables(answer.data))
      .catch(notifyError);
  }, []);

  async function copy(path: string) {
    try {
      await navigator.clipboard.writeText(`{{ ${path} }}`);
      notifySuccess(`{{ ${path} }} copied.`);
    } catch {
      notifyError(new Error('The browser did not allow copying; type the variable instead.'));
    }
  }

  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed">
        Write variables as <Code>{'{{ owner.firstName }}'}</Code>; Liquid tags (if, for, assign) and filters (upcase, default, long_date) work. Links:
        web addresses and <Code>[words](https://…)</Code>. Anything under <Code>extra.</Code> comes from the journey step.
      </Text>
      <ScrollArea.Autosize mah={420}>
        <Stack gap={6}>
          {variables.map((variable) => (
            <Tooltip key={variable.path} label={`Example: ${String(variable.example)}`} position="left" withArrow>
              <UnstyledButton onClick={() => void copy(variable.path)} aria-label={`Copy ${variable.path}`}>
                <Code>{variable.path}</Code>
                <Text size="xs" c="dimmed">
                  {variable.description}
                </Text>
              </UnstyledButton>
            </Tooltip>
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Stack>
  );
}
