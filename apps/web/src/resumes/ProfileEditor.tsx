import type { ResumeDetail } from '@mockroom/contracts';
import { useId, type FormEvent } from 'react';
import { Spinner } from '../shared/ui/Spinner';
import { LEVEL_LABELS, ROLE_LABELS } from '../shared/ui/labels';
import { ClaimList } from './ClaimList';
import { HEADLINE_MAX_CHARS, NAME_MAX_CHARS } from './profile-draft';
import { ProjectList } from './ProjectList';
import { yearsLabel } from './resume-view';
import { RoleList } from './RoleList';
import { SkillEditor } from './SkillEditor';
import { useProfileEditor } from './use-profile-editor';

/** "What we understood" of a résumé, with the owner's corrections, saved together. */
export function ProfileEditor({ resume, onSaved }: { resume: ResumeDetail; onSaved: (resume: ResumeDetail) => void }) {
  const editor = useProfileEditor(resume, onSaved);
  const { profile } = resume;
  const id = useId();
  const suggestion = [
    profile.suggestedLevel && LEVEL_LABELS[profile.suggestedLevel],
    profile.suggestedRole && ROLE_LABELS[profile.suggestedRole],
  ]
    .filter(Boolean)
    .join(' ');

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void editor.submit();
  };

  return (
    <form
      className="card profile"
      data-testid="resume-profile"
      aria-labelledby="profile-heading"
      onSubmit={handleSubmit}
      noValidate
    >
      <h2 id="profile-heading" className="section-title">
        What we understood
      </h2>

      {profile.warnings.length > 0 && (
        <div className="profile-warnings" data-testid="resume-warnings">
          <p className="profile-warnings__title">Some of it may be misread</p>
          <ul className="bullets bullets--warning">
            {profile.warnings.map((warning, i) => (
              <li key={i}>{warning}</li>
            ))}
          </ul>
        </div>
      )}

      <div className="form-row">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-name`}>
            Name
          </label>
          <input
            id={`${id}-name`}
            className="input"
            value={editor.draft.name}
            maxLength={NAME_MAX_CHARS}
            onChange={(event) => editor.setName(event.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-headline`}>
            Headline
          </label>
          <input
            id={`${id}-headline`}
            className="input"
            value={editor.draft.headline}
            maxLength={HEADLINE_MAX_CHARS}
            onChange={(event) => editor.setHeadline(event.target.value)}
          />
        </div>
      </div>
      <dl className="facts facts--wide">
        <div>
          <dt>Years of experience</dt>
          <dd>
            {yearsLabel(profile.yearsOfExperience) ?? 'Not found'}
            {editor.rolesChanged && <span className="muted-text"> (counted again from the dates when saved)</span>}
          </dd>
        </div>
        <div>
          <dt>Suggested role and level</dt>
          <dd>{suggestion || 'None'}</dd>
        </div>
      </dl>

      <RoleList editor={editor} />
      <ProjectList editor={editor} />

      <section className="profile-block" aria-labelledby="profile-skills-heading">
        <h3 id="profile-skills-heading" className="profile-block__title">
          Skills ({editor.draft.skills.length})
        </h3>
        <SkillEditor editor={editor} />
      </section>

      <ClaimList editor={editor} claims={profile.claims} />

      <div className="profile-save">
        <button
          type="submit"
          className="button button--primary"
          data-testid="profile-save"
          disabled={!editor.dirty || editor.save.status === 'saving' || editor.firstError !== null}
          aria-describedby={editor.firstError ? `${id}-blocked` : undefined}
        >
          {editor.save.status === 'saving' && <Spinner size="small" />}
          Save corrections
        </button>
        {editor.dirty && editor.save.status !== 'saving' && (
          <button type="button" className="button button--ghost" onClick={editor.reset}>
            Undo changes
          </button>
        )}
        <div role="status" className="profile-save__status">
          {editor.save.status === 'saved' ? (
            <span className="profile-save__ok" data-testid="profile-saved">
              <span aria-hidden="true">✓ </span>Saved. Tailored interviews use your corrections from now on.
            </span>
          ) : editor.dirty ? (
            <span className="muted-text">Unsaved changes.</span>
          ) : null}
        </div>
        {editor.firstError && (
          <p className="field__error profile-save__blocked" id={`${id}-blocked`} data-testid="profile-save-blocked">
            To save, fix {editor.firstError.label} first: {editor.firstError.message}
            {editor.errorCount > 1 && ` (${editor.errorCount - 1} more to fix)`}
          </p>
        )}
        {editor.save.status === 'failed' && (
          <p className="form-alert profile-save__failed" role="alert" data-testid="profile-save-failed">
            {editor.save.message}
          </p>
        )}
      </div>
    </form>
  );
}
