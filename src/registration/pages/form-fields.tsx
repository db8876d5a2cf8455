import type { ReactNode } from 'react';
import type { Translate } from '../../owner-site/i18n.ts';
import type { FieldProblem } from '../registration-form.ts';

export interface FieldState {
  readonly values: Readonly<Record<string, string>>;
  readonly problems: Readonly<Record<string, FieldProblem>>;
  readonly t: Translate;
}

interface FieldProps {
  readonly state: FieldState;
  readonly name: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly required?: boolean;
  readonly type?: string;
  readonly autoComplete?: string;
  readonly inputMode?: 'text' | 'email' | 'tel' | 'numeric';
  readonly children?: ReactNode;
}

/**
 * A labelled input whose hint and error are tied to it (aria-describedby), so a screen reader reads
 * them with the field, and which keeps what the owner typed when the form comes back with errors.
 */
export function Field({ state, name, label, hint, required, type = 'text', autoComplete, inputMode, children }: FieldProps) {
  const problem = state.problems[name];
  const described = [hint ? `${name}-hint` : null, problem ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <label htmlFor={name}>{label}</label>
      {hint ? <span className="hint" id={`${name}-hint`}>{hint}</span> : null}
      {problem ? <ErrorText state={state} name={name} /> : null}
      {children ?? (
        <input
          id={name}
          name={name}
          type={type}
          defaultValue={state.values[name] ?? ''}
          required={required}
          aria-required={required}
          aria-invalid={problem ? true : undefined}
          aria-describedby={described}
          autoComplete={autoComplete}
          inputMode={inputMode}
        />
      )}
    </>
  );
}

export function ErrorText({ state, name }: { state: FieldState; name: string }) {
  const problem = state.problems[name];
  return problem ? <span className="error" id={`${name}-error`}>{state.t(problem.key, problem.values)}</span> : null;
}

/** The list of what to fix, first on the page, each linking to its field. */
export function ProblemSummary({ state, labels }: { state: FieldState; labels: Readonly<Record<string, string>> }) {
  const entries = Object.entries(state.problems);
  if (entries.length === 0) return null;
  return (
    <div className="summary" role="alert" aria-labelledby="problems-title" tabIndex={-1} id="problems">
      <h2 id="problems-title">{state.t('register.errorsTitle', { count: entries.length })}</h2>
      <ul>
        {entries.map(([name, problem]) => (
          <li key={name}>
            <a href={`#${name}`}>{labels[name] ? `${labels[name]}: ` : ''}{state.t(problem.key, problem.values)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
