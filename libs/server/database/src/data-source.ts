import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DatabaseOptions {
  url: string;
  poolSize?: number;
  /** How long a query waits for a free pooled connection. */
  connectTimeoutMs?: number;
  logging?: boolean;
}

export function dataSourceOptions({
  url,
  poolSize = 10,
  connectTimeoutMs = 10_000,
  logging = false,
}: DatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: logging ? ['query', 'error'] : false,
    extra: { max: poolSize, connectionTimeoutMillis: connectTimeoutMs },
  };
}

export function createDataSource(options: DatabaseOptions): DataSource {
  return new DataSource(dataSourceOptions(options));
}

/** Applies pending migrations; returns the names of those applied. */
export async function migrate(options: DatabaseOptions): Promise<string[]> {
  const dataSource = createDataSource({ ...options, poolSize: 1 });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** Reverts the last applied migration; returns its name, or null when none was applied. */
export async function revertLastMigration(options: DatabaseOptions): Promise<string | null> {
  const dataSource = createDataSource({ ...options, poolSize: 1 });
  await dataSource.initialize();
  try {
    const before = await dataSource.query(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`).catch(() => []);
    await dataSource.undoLastMigration({ transaction: 'each' });
    return (before[0]?.name as string | undefined) ?? null;
  } finally {
    await dataSource.destroy();
  }
}
