import type { EngineInfo } from '@mockroom/contracts';
import './SiteFooter.css';
import { systemApi } from '../shared/api/endpoints';
import { useResource } from '../shared/api/use-resource';
import { useAuth } from '../shared/auth/auth-context';
import { ENGINE_KIND_LABELS } from '../shared/ui/labels';

/** "Database: PostgreSQL (local)"; the mode is left out when the name already says it. */
function describe(engine: EngineInfo): string {
  const kind = ENGINE_KIND_LABELS[engine.kind] ?? engine.kind;
  const mode = engine.name.includes('(') ? '' : ` (${engine.mode})`;
  return `${kind}: ${engine.name}${mode}`;
}

export function SiteFooter() {
  const { user } = useAuth();
  // Which engines this installation runs on is only shown to signed-in users (the endpoint needs a session).
  const system = useResource(user ? `system:${user.id}` : null, (signal) => systemApi.info(signal));

  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p className="site-footer__product">
          Mockroom{system.data ? ` v${system.data.version}` : ''} · open source, self-hostable mock interviews
        </p>
        {user && system.data && system.data.engines.length > 0 && (
          <p className="site-footer__engines">
            <span className="visually-hidden">Engines in use: </span>
            {system.data.engines.map(describe).join(' · ')}
          </p>
        )}
      </div>
    </footer>
  );
}
