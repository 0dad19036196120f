/**
 * `npm run user:role -- <email> <candidate|interviewer|admin>` — appoints admins (nobody can sign up as one)
 * or changes an account's role. Uses DATABASE_URL.
 */
import { USER_ROLES, UserRole } from '@mockroom/contracts';
import { createDataSource } from './data-source';
import { UserEntity } from './entities';
import { UserRepository } from './repositories/user.repository';

async function main(): Promise<void> {
  const [email, role] = process.argv.slice(2);
  const url = process.env.DATABASE_URL;
  if (!email || !USER_ROLES.includes(role as UserRole)) {
    console.error(`usage: npm run user:role -- <email> <${USER_ROLES.join('|')}>`);
    process.exit(2);
  }
  if (!url) {
    console.error('DATABASE_URL is not set (npm start prints the one it uses).');
    process.exit(2);
  }
  const dataSource = createDataSource({ url, poolSize: 1 });
  await dataSource.initialize();
  try {
    const changed = await new UserRepository(dataSource.getRepository(UserEntity)).setRole(email, role as UserRole);
    if (!changed) {
      console.error(`No account with email ${email}.`);
      process.exitCode = 1;
    } else {
      console.log(`${email} is now ${role}.`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
