import { formatDay } from '../../owner-site/format-day.ts';
import type { Translate } from '../../owner-site/i18n.ts';
import type { MaintenanceSchedule, ScheduledTask } from '../maintenance-schedule.ts';

/** A "Mark as done" form that came back with a problem: which task, what was typed, what is wrong. */
export interface DoneFormState {
  readonly taskId: string;
  readonly values: { readonly done_on: string; readonly note: string };
  readonly problem: string;
}

export interface MaintenanceCardProps {
  readonly t: Translate;
  readonly language: string;
  readonly schedule: MaintenanceSchedule;
  /** The path the forms post to, ending before `/:taskId/done`. */
  readonly formAction: string;
  readonly today: string;
  /** The task just marked done, for the confirmation. */
  readonly doneTaskId: string | null;
  readonly failed: DoneFormState | null;
}

const overdueStyle = { background: '#fdecea', color: '#8c1d18' };
const dueSoonStyle = { background: '#fff4e5', color: '#6d3a00' };

/** The ownership's maintenance tasks, most urgent first, each with its due date and a "Mark as done" form. */
export function MaintenanceCard({ t, language, schedule, formAction, today, doneTaskId, failed }: MaintenanceCardProps) {
  const day = (date: string) => formatDay(date, language);
  const done = schedule.tasks.find((task) => task.id === doneTaskId);
  return (
    <section className="card" aria-labelledby="maintenance-title" id="maintenance">
      <h2 id="maintenance-title">{t('care.maintenance')}</h2>
      {schedule.tasks.length === 0 ? <p>{t('care.noMaintenance')}</p> : (
        <>
          <p className="hint">{t(schedule.basis === 'purchase_date' ? 'care.countsFromPurchase' : 'care.countsFromRegistration', { date: day(schedule.startsOn) })}</p>
          {done ? <p role="status" className="badge">{t('care.doneSaved', { task: done.name, date: day(done.dueOn) })}</p> : null}
          {failed && !schedule.tasks.some((task) => task.id === failed.taskId) ? <p className="error" role="alert">{t(failed.problem)}</p> : null}
          <ul className="plain">
            {schedule.tasks.map((task) => (
              <li key={task.id}>
                <TaskEntry t={t} task={task} day={day} action={`${formAction}/${task.id}/done`} today={today} failed={failed?.taskId === task.id ? failed : null} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function TaskEntry({ t, task, day, action, today, failed }: { t: Translate; task: ScheduledTask; day: (date: string) => string; action: string; today: string; failed: DoneFormState | null }) {
  const status = task.status === 'overdue'
    ? <span className="badge" style={overdueStyle}>{t('care.overdue', { date: day(task.dueOn) })}</span>
    : task.status === 'due_soon'
      ? <span className="badge" style={dueSoonStyle}>{t('care.dueSoon', { date: day(task.dueOn) })}</span>
      : <span className="badge off">{t('care.dueOn', { date: day(task.dueOn) })}</span>;
  const field = (name: string) => `${name}-${task.id}`;
  return (
    <>
      <strong>{task.name}</strong> {status}
      <span className="hint">
        {t('care.every', { count: task.intervalDays })} · {task.lastDoneOn ? t('care.lastDone', { date: day(task.lastDoneOn) }) : t('care.neverDone')}
      </span>
      {task.instructions ? (
        <details>
          <summary>{t('care.howTo')}</summary>
          {task.instructions.split(/\n{2,}/).map((paragraph, index) => <p key={index}>{paragraph}</p>)}
        </details>
      ) : null}
      <form method="post" action={action}>
        <label htmlFor={field('done_on')}>{t('care.doneOn')}</label>
        {failed ? <span className="error" id={`${field('done_on')}-error`} role="alert">{t(failed.problem)}</span> : null}
        <input
          id={field('done_on')}
          name="done_on"
          type="date"
          required
          max={today}
          defaultValue={failed?.values.done_on ?? today}
          aria-invalid={failed ? true : undefined}
          aria-describedby={failed ? `${field('done_on')}-error` : undefined}
        />
        <label htmlFor={field('note')}>{t('care.note')}</label>
        <input id={field('note')} name="note" type="text" maxLength={1000} defaultValue={failed?.values.note ?? ''} />
        <button type="submit" aria-label={t('care.markTaskDone', { task: task.name })}>{t('care.markDone')}</button>
      </form>
    </>
  );
}
