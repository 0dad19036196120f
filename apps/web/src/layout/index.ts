// The page frame and the screens shown instead of a page.
export { AppLayout } from './AppLayout';
export { NotFoundPage } from './NotFoundPage';
export { RouteErrorPage } from './RouteErrorPage';
export { StartupScreen } from './StartupScreen';
