import { fieldId } from '../../ui/Field';

export interface CheckboxGroupProps<T extends string | number> {
  name: string;
  legend: string;
  hint?: string;
  options: readonly T[];
  label: (option: T) => string;
  chosen: readonly T[];
  onToggle: (option: T) => void;
  errors?: string[];
}

/**
 * A multiple choice as a fieldset: legend above, errors next to it. The first box carries the
 * field's id, so ErrorSummary's link and the focus-first-error land on the group.
 */
export function CheckboxGroup<T extends string | number>({
  name,
  legend,
  hint,
  options,
  label,
  chosen,
  onToggle,
  errors = [],
}: CheckboxGroupProps<T>) {
  const id = fieldId(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length ? `${id}-error` : undefined;
  return (
    <fieldset
      className={errors.length ? 'field choice-group field-invalid' : 'field choice-group'}
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
    >
      <legend>{legend}</legend>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {errors.length > 0 && (
        <p id={errorId} className="field-error">
          {errors.join(' ')}
        </p>
      )}
      <div className="choices">
        {options.map((option, i) => (
          <label key={String(option)} className="choice">
            <input
              type="checkbox"
              id={i === 0 ? id : undefined}
              name={name}
              value={String(option)}
              checked={chosen.includes(option)}
              aria-invalid={errors.length ? true : undefined}
              onChange={() => onToggle(option)}
            />
            {label(option)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
