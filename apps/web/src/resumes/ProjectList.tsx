import { useEffect, useId, useRef, useState } from 'react';
import { Chip } from '../shared/ui/Chip';
import { EntryField } from './EntryField';
import {
  errorKey,
  MAX_PROJECTS,
  PROJECT_DESCRIPTION_MAX_CHARS,
  PROJECT_NAME_MAX_CHARS,
  tidy,
  type ProjectDraft,
  type ProjectField,
} from './profile-draft';
import type { ProfileEditor } from './use-profile-editor';

/** The projects, each with its name and what it was; their skills are read again from the words when saved. */
export function ProjectList({ editor }: { editor: ProfileEditor }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [added, setAdded] = useState<string | null>(null);
  const id = useId();
  const { projects } = editor.draft;
  const full = projects.length >= MAX_PROJECTS;

  return (
    <section className="profile-block" aria-labelledby="profile-projects-heading">
      <div className="profile-block__head">
        <h3 id="profile-projects-heading" className="profile-block__title" ref={heading} tabIndex={-1}>
          Projects ({projects.length})
        </h3>
        <button
          type="button"
          className="button button--secondary button--small"
          data-testid="project-add"
          disabled={full}
          aria-describedby={full ? `${id}-full` : undefined}
          onClick={() => setAdded(editor.addProject())}
        >
          Add a project
        </button>
      </div>
      {full && (
        <p className="muted-text" id={`${id}-full`}>
          A résumé keeps at most {MAX_PROJECTS} projects.
        </p>
      )}
      {projects.length === 0 ? (
        <p className="muted-text">No projects were found, or all were removed.</p>
      ) : (
        <ul className="profile-entries">
          {projects.map((project, index) => (
            <ProjectItem
              key={project.key}
              project={project}
              index={index}
              editor={editor}
              focusOnMount={project.key === added}
              onRemove={() => {
                editor.removeProject(project.key);
                heading.current?.focus();
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function ProjectItem({
  project,
  index,
  editor,
  focusOnMount,
  onRemove,
}: {
  project: ProjectDraft;
  index: number;
  editor: ProfileEditor;
  focusOnMount: boolean;
  onRemove: () => void;
}) {
  const name = useRef<HTMLInputElement>(null);
  const error = (field: ProjectField) => editor.errors[errorKey.project(project.key, field)];
  const { read } = project;
  const changed =
    read === null || tidy(project.name) !== tidy(read.name) || tidy(project.description) !== tidy(read.description);

  // Only a project just added takes the focus, once.
  useEffect(() => {
    if (focusOnMount) name.current?.focus();
  }, []);

  return (
    <li className="profile-entry" data-testid="project-item" data-index={index}>
      <fieldset className="profile-entry__fields">
        <legend className="visually-hidden">Project {index + 1}</legend>
        <EntryField label="Name" error={error('name')}>
          {(control) => (
            <input
              {...control}
              ref={name}
              className="input"
              data-testid="project-name"
              value={project.name}
              maxLength={PROJECT_NAME_MAX_CHARS}
              onChange={(event) => editor.editProject(project.key, { name: event.target.value })}
            />
          )}
        </EntryField>
        <EntryField
          label={
            <>
              What it was <span className="field__optional">(optional)</span>
            </>
          }
          error={error('description')}
        >
          {(control) => (
            <textarea
              {...control}
              className="input profile-entry__description"
              data-testid="project-description"
              rows={3}
              value={project.description}
              maxLength={PROJECT_DESCRIPTION_MAX_CHARS}
              onChange={(event) => editor.editProject(project.key, { description: event.target.value })}
            />
          )}
        </EntryField>
      </fieldset>

      <div className="profile-entry__foot">
        {changed ? (
          <Chip tone="info">{read ? 'changed: skills read again when saved' : 'skills read when saved'}</Chip>
        ) : (
          read.skills.length > 0 && <span className="muted-text">Skills: {read.skills.join(', ')}</span>
        )}
        <button
          type="button"
          className="button button--ghost button--small profile-remove"
          data-testid="project-remove"
          onClick={onRemove}
        >
          Remove
          <span className="visually-hidden">
            {project.name.trim() ? ` project: ${project.name.trim()}` : ` project ${index + 1}`}
          </span>
        </button>
      </div>
    </li>
  );
}
