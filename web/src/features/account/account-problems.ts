import type { TFunction } from 'i18next';
import { ApiError, type Problem } from '../../api/problem';
import { newPasswordIssues } from './password-rules';

/** A refusal shaped like the API's, so the same summary and field errors show it. */
export const localProblem = (entries: { field: string; message: string }[]): Problem => ({ title: '', status: 400, errors: entries });

/** The browser's own checks of a new password, as a problem naming `passwordField` and `confirm`. */
export function newPasswordProblem(t: TFunction, password: string, confirm: string, passwordField = 'password'): Problem | null {
  const issues = newPasswordIssues(password, confirm);
  const entries = Object.entries(issues).map(([field, issue]) => ({
    field: field === 'password' ? passwordField : field,
    message: t(`account:issues.${issue}`),
  }));
  return entries.length ? localProblem(entries) : null;
}

/**
 * What to show of a failed call: a used or expired link (`token`) and too many attempts in plain
 * words; otherwise the API's problem as it came; a network failure as "could not reach".
 */
export function accountProblemOf(t: TFunction, error: unknown): Problem {
  if (!(error instanceof ApiError)) return { title: t('common:ui.loadFailed'), status: 0 };
  if (error.status === 429) return { title: t('account:tooMany', { seconds: error.retryAfterSeconds ?? 60 }), status: 429 };
  const problem = error.problem ?? { title: error.message, status: error.status };
  if (problem.errors?.some((e) => e.field === 'token')) return { title: t('account:badLink'), status: problem.status };
  return problem;
}
