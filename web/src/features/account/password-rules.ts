/** The API's rule (at least 10 characters; it also refuses the most common breached passwords). */
export const MIN_PASSWORD_LENGTH = 10;

export type PasswordIssue = 'missing' | 'tooShort' | 'mismatch' | 'missingConfirm';

/**
 * What the browser can say before sending a new password: the API judges the rest (breached lists),
 * and its problem+json lands beside the same field. Keyed by the form's field names.
 */
export function newPasswordIssues(password: string, confirm: string): Partial<Record<'password' | 'confirm', PasswordIssue>> {
  const issues: Partial<Record<'password' | 'confirm', PasswordIssue>> = {};
  if (!password) issues.password = 'missing';
  else if ([...password].length < MIN_PASSWORD_LENGTH) issues.password = 'tooShort';
  if (!confirm) issues.confirm = 'missingConfirm';
  else if (password && confirm !== password) issues.confirm = 'mismatch';
  return issues;
}

/** The token of an e-mailed link (`?token=…`), trimmed; null when the address has none. */
export function tokenOf(search: URLSearchParams): string | null {
  const token = search.get('token')?.trim();
  return token ? token : null;
}
