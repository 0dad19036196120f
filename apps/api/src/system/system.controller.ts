import { Controller, Get, Inject } from '@nestjs/common';
import type { EngineInfo, EngineNames, SystemInfo } from '@mockroom/contracts';
import { APP_CONFIG, AppConfig, describeEngines } from '@mockroom/server-config';
import { engineKey } from '@mockroom/server-interviews';
import { REDIS } from '@mockroom/server-queue';
import type IORedis from 'ioredis';
import { CurrentUser, Public } from '../auth/auth.decorators';
import type { RequestUser } from '../auth/auth.types';

@Controller()
export class SystemController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: IORedis,
  ) {}

  /** Liveness for load balancers and the start script. */
  @Public()
  @Get('health')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Which database, queue and engines this installation uses. Everyone sees the engines' names (the pages adapt to
   * them); where they run (host, port, database) only admins, and no one a user name or password.
   */
  @Get('system')
  async system(@CurrentUser() user: RequestUser): Promise<SystemInfo> {
    const reported = await this.redis.get(engineKey(this.config));
    const admin = user.role === 'admin';
    const engines: EngineInfo[] = describeEngines(this.config).map(({ detail, ...engine }) =>
      admin && detail ? { ...engine, detail: withoutCredentials(detail) } : engine,
    );
    if (reported) {
      // Reported by the worker, which runs them.
      const names = JSON.parse(reported) as EngineNames;
      const mode = (label: string): EngineInfo['mode'] =>
        /offline/i.test(label) ? 'offline' : /browser/i.test(label) ? 'browser' : 'external';
      engines.push(
        { kind: 'stt', name: names.stt, mode: mode(names.stt) },
        { kind: 'tts', name: names.tts, mode: mode(names.tts) },
        { kind: 'assessment', name: names.assessment, mode: mode(names.assessment) },
      );
    }
    return { version: process.env.npm_package_version ?? '0.1.0', engines };
  }
}

/** "postgres://user:pw@db:5432/mockroom?sslmode=require" → "postgres://db:5432/mockroom". */
function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return '(unparseable URL)';
  }
}
