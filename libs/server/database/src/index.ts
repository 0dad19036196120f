export * from './data-source';
export * from './database.module';
export * from './entities';
export * from './repositories/auth-session.repository';
export * from './repositories/interview.repository';
export * from './repositories/interviewer-feedback.repository';
export * from './repositories/user.repository';
export { ensureDatabaseExists } from './ensure-database';
export { createScratchDatabase, type ScratchDatabase } from './scratch-database';
