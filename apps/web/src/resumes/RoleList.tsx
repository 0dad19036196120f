import { useEffect, useId, useRef, useState } from 'react';
import { EntryField } from './EntryField';
import {
  errorKey,
  MAX_ROLES,
  ORGANISATION_MAX_CHARS,
  ROLE_TITLE_MAX_CHARS,
  type RoleDraft,
  type RoleField,
} from './profile-draft';
import { roleDates } from './resume-view';
import type { ProfileEditor } from './use-profile-editor';

/** The roles, newest first: title, organisation and dates corrected by hand; what was done there as read. */
export function RoleList({ editor }: { editor: ProfileEditor }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [added, setAdded] = useState<string | null>(null);
  const id = useId();
  const { roles } = editor.draft;
  const full = roles.length >= MAX_ROLES;

  return (
    <section className="profile-block" aria-labelledby="profile-roles-heading">
      <div className="profile-block__head">
        <h3 id="profile-roles-heading" className="profile-block__title" ref={heading} tabIndex={-1}>
          Roles ({roles.length})
        </h3>
        <button
          type="button"
          className="button button--secondary button--small"
          data-testid="role-add"
          disabled={full}
          aria-describedby={full ? `${id}-full` : undefined}
          onClick={() => setAdded(editor.addRole())}
        >
          Add a role
        </button>
      </div>
      <p className="muted-text">
        Newest first. The years of experience are counted from these dates.
        {full && <span id={`${id}-full`}> A résumé keeps at most {MAX_ROLES} roles.</span>}
      </p>
      {roles.length === 0 ? (
        <p className="muted-text">No roles were found, or all were removed.</p>
      ) : (
        <ol className="profile-entries">
          {roles.map((role, index) => (
            <RoleItem
              key={role.key}
              role={role}
              index={index}
              editor={editor}
              focusOnMount={role.key === added}
              onRemove={() => {
                editor.removeRole(role.key);
                heading.current?.focus();
              }}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function RoleItem({
  role,
  index,
  editor,
  focusOnMount,
  onRemove,
}: {
  role: RoleDraft;
  index: number;
  editor: ProfileEditor;
  focusOnMount: boolean;
  onRemove: () => void;
}) {
  const title = useRef<HTMLInputElement>(null);
  const id = useId();
  const error = (field: RoleField) => editor.errors[errorKey.role(role.key, field)];
  const name = role.title.trim() ? `role: ${role.title.trim()}` : `role ${index + 1}`;
  const datesValid = !error('start') && !error('end');
  const dates = datesValid
    ? roleDates({ start: role.start.trim() || null, end: role.end.trim() || null, current: role.current })
    : null;

  // Only a role just added takes the focus, once.
  useEffect(() => {
    if (focusOnMount) title.current?.focus();
  }, []);

  return (
    <li className="profile-entry" data-testid="role-item" data-index={index}>
      <fieldset className="profile-entry__fields">
        <legend className="visually-hidden">Role {index + 1}</legend>
        <div className="form-row">
          <EntryField label="Title" error={error('title')}>
            {(control) => (
              <input
                {...control}
                ref={title}
                className="input"
                data-testid="role-title"
                value={role.title}
                maxLength={ROLE_TITLE_MAX_CHARS}
                placeholder="Backend engineer"
                onChange={(event) => editor.editRole(role.key, { title: event.target.value })}
              />
            )}
          </EntryField>
          <EntryField
            label={
              <>
                Organisation <span className="field__optional">(optional)</span>
              </>
            }
            error={error('organisation')}
          >
            {(control) => (
              <input
                {...control}
                className="input"
                data-testid="role-organisation"
                value={role.organisation}
                maxLength={ORGANISATION_MAX_CHARS}
                onChange={(event) => editor.editRole(role.key, { organisation: event.target.value })}
              />
            )}
          </EntryField>
        </div>
        <div className="form-row">
          <MonthField
            label="Started"
            testId="role-start"
            value={role.start}
            error={error('start')}
            onChange={(start) => editor.editRole(role.key, { start })}
          />
          <MonthField
            label="Ended"
            testId="role-end"
            value={role.end}
            error={error('end')}
            disabled={role.current}
            onChange={(end) => editor.editRole(role.key, { end })}
          />
        </div>
        <label className="profile-check">
          <input
            type="checkbox"
            data-testid="role-current"
            checked={role.current}
            aria-describedby={role.current ? `${id}-current` : undefined}
            onChange={(event) => editor.setRoleCurrent(role.key, event.target.checked)}
          />
          <span>Current role</span>
        </label>
        {role.current && (
          <p className="muted-text profile-check__note" id={`${id}-current`}>
            A current role has no end.
          </p>
        )}
      </fieldset>

      {role.bullets.length > 0 && (
        <div className="profile-role__read">
          <p className="muted-text" id={`${id}-bullets`}>
            What you did there, as read. The claims come from these; they stay with the role.
          </p>
          <ul className="bullets profile-role__bullets" aria-labelledby={`${id}-bullets`}>
            {role.bullets.map((bullet, i) => (
              <li key={i}>{bullet}</li>
            ))}
          </ul>
        </div>
      )}

      <div className="profile-entry__foot">
        {dates && <span className="profile-role__dates">{dates}</span>}
        <button
          type="button"
          className="button button--ghost button--small profile-remove"
          data-testid="role-remove"
          onClick={onRemove}
        >
          Remove<span className="visually-hidden"> {name}</span>
        </button>
      </div>
    </li>
  );
}

/** 'YYYY-MM': what a month picker gives and can show. */
const FULL_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
let monthPicker: boolean | undefined;

/** Desktop Firefox and Safari show a month input as a plain text box. */
function hasMonthPicker(): boolean {
  if (monthPicker === undefined) {
    const probe = document.createElement('input');
    probe.setAttribute('type', 'month');
    monthPicker = probe.type === 'month';
  }
  return monthPicker;
}

/**
 * A month picker; a text box when the date is a lone year (as often read), which a picker cannot show.
 * The kind of box stays put while focused, so that typing a full month does not swap it under the cursor.
 */
function MonthField({
  label,
  testId,
  value,
  error,
  disabled = false,
  onChange,
}: {
  label: string;
  testId: string;
  value: string;
  error?: string;
  disabled?: boolean;
  onChange: (value: string) => void;
}) {
  const [heldAsText, setHeldAsText] = useState<boolean | null>(null);
  const asText = heldAsText ?? (value !== '' && !FULL_MONTH.test(value));
  const typed = asText || !hasMonthPicker();
  return (
    <EntryField
      label={label}
      error={error}
      hint={typed && !disabled ? 'A year (2021) or a month (2021-03).' : undefined}
    >
      {(control) => (
        <input
          {...control}
          type={asText ? 'text' : 'month'}
          className="input"
          data-testid={testId}
          value={value}
          disabled={disabled}
          placeholder={typed ? '2021-03' : undefined}
          onFocus={() => setHeldAsText(asText)}
          onBlur={() => setHeldAsText(null)}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </EntryField>
  );
}
