import './ChangeBadge.css';
import type { Change } from './progress-stats';

/** "▲ 1.2" / "▼ 0.8" in the colour of its direction, read out as "up 1.2" / "down 0.8". */
export function ChangeBadge({ change, title }: { change: Change; title?: string }) {
  return (
    <span className={`progress-change progress-change--${change.direction}`} title={title}>
      <span aria-hidden="true">{change.text}</span>
      <span className="visually-hidden">{change.spoken}</span>
    </span>
  );
}
