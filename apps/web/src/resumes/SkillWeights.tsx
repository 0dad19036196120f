import type { JobSkill } from '@mockroom/contracts';
import { skillBars } from './job-view';

/** The posting's skills, strongest first, each with a bar of its weight against the strongest (words for readers). */
export function SkillWeights({ skills }: { skills: JobSkill[] }) {
  const bars = skillBars(skills);
  if (bars.length === 0) return <p className="muted-text">No skills were found in the posting.</p>;
  return (
    <ol className="skill-weights" aria-label="Skills, strongest first">
      {bars.map((bar, index) => (
        <li key={bar.name} className="skill-weight" data-testid="job-skill" data-skill={bar.name}>
          <span className="skill-weight__name">{bar.name}</span>
          <span className="skill-weight__track" aria-hidden="true">
            <span className="skill-weight__fill" style={{ width: `${(bar.share * 100).toFixed(1)}%` }} />
          </span>
          <span className="visually-hidden">
            {index === 0 ? ': stressed most' : `: ${Math.round(bar.share * 100)}% as much as the strongest`}
          </span>
        </li>
      ))}
    </ol>
  );
}
