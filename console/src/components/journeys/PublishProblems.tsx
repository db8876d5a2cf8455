// What the API refused when publishing, each problem with the place it is about.
import { Alert, List } from '@mantine/core';
import type { FieldProblem } from '../../api';
import { fieldPath } from '../../formErrors';
import type { JourneyDefinition } from '../../types';
import { problemPlace } from './journeyForm';

export function PublishProblems({ problems, definition }: { problems: readonly FieldProblem[]; definition: JourneyDefinition }) {
  if (problems.length === 0) return null;
  return (
    <Alert color="red" title="The journey was not published">
      <List size="sm" spacing={4}>
        {problems.map((problem, index) => (
          <List.Item key={index}>
            <strong>{problemPlace(fieldPath(problem.path), definition)}:</strong> {problem.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
