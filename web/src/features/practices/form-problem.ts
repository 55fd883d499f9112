import { ApiError, type Problem } from '../../api/problem';

/** What to show of a failed submission: the API's problem, else a plain "could not reach" message. */
export function problemOf(error: unknown, unreachable: string): Problem {
  if (error instanceof ApiError) return error.problem ?? { title: error.message, status: error.status };
  return { title: unreachable, status: 0 };
}

/** A client-side check's findings, shaped like the API's so the same summary shows them. */
export const localProblem = (entries: { field: string; message: string }[]): Problem => ({ title: '', status: 400, errors: entries });
