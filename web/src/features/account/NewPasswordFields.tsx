import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';

/** A new password and its confirmation (labels above, errors beside; the rule said as a hint). */
export function NewPasswordFields({
  password,
  confirm,
  onChange,
  errors,
  name = 'password',
}: {
  password: string;
  confirm: string;
  onChange: (next: { password: string; confirm: string }) => void;
  errors: Record<string, string[]> | undefined;
  /** The API's name for the new password (`password`, or `newPassword` on the change form). */
  name?: string;
}) {
  const { t } = useTranslation('account');
  return (
    <>
      <Field name={name} label={t('form.newPassword')} hint={t('form.passwordHint')} errors={errors?.[name]} required>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => onChange({ password: e.target.value, confirm })}
          />
        )}
      </Field>
      <Field name="confirm" label={t('form.confirm')} errors={errors?.confirm} required>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => onChange({ password, confirm: e.target.value })}
          />
        )}
      </Field>
    </>
  );
}
