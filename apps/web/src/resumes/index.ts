// Résumés and job descriptions: uploading and correcting what was understood, and interviews tailored to them.
export { JobDescriptionPage } from './JobDescriptionPage';
export { ResumePage } from './ResumePage';
export { ResumesPage } from './ResumesPage';
