import { useId, useRef, useState } from 'react';
import type { ProfileEditor } from './use-profile-editor';

/** The skills as removable chips, and a field to add one (Enter adds it, it does not send the form). */
export function SkillEditor({ editor }: { editor: ProfileEditor }) {
  const [typed, setTyped] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const id = useId();

  const add = () => {
    if (editor.addSkill(typed)) setTyped('');
    field.current?.focus();
  };

  return (
    <div className="profile-skills">
      {editor.draft.skills.length === 0 ? (
        <p className="muted-text">No skills listed.</p>
      ) : (
        <ul className="chip-list" aria-label="Skills">
          {editor.draft.skills.map((skill) => (
            <li key={skill} className="chip skill-chip" data-testid="skill-chip" data-skill={skill}>
              {skill}
              <button
                type="button"
                className="skill-chip__remove"
                data-testid="skill-remove"
                aria-label={`Remove ${skill}`}
                onClick={() => {
                  editor.removeSkill(skill);
                  field.current?.focus();
                }}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className={`field profile-skills__add${editor.skillError ? ' field--invalid' : ''}`}>
        <label className="field__label" htmlFor={`${id}-skill`}>
          Add a skill
        </label>
        <div className="profile-skills__row">
          <input
            ref={field}
            id={`${id}-skill`}
            className="input"
            data-testid="skill-add"
            value={typed}
            placeholder="Terraform"
            aria-invalid={editor.skillError ? true : undefined}
            aria-describedby={editor.skillError ? `${id}-error` : undefined}
            onChange={(event) => setTyped(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
          <button type="button" className="button button--secondary" onClick={add}>
            Add
          </button>
        </div>
        {editor.skillError && (
          <p className="field__error" id={`${id}-error`}>
            {editor.skillError}
          </p>
        )}
      </div>
    </div>
  );
}
