import { useAuth } from '../shared/auth/auth-context';
import { useDocumentTitle } from '../shared/ui/use-document-title';
import { Dashboard } from './Dashboard';
import { Landing } from './Landing';

/** `/`: what Mockroom is for visitors, a place to start for signed-in users. */
export function HomePage() {
  const { user } = useAuth();
  useDocumentTitle(user ? 'Home' : null);
  return user ? <Dashboard user={user} /> : <Landing />;
}
