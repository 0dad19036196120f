export { ProgressPage } from './ProgressPage';
