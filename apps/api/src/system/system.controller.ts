import { Controller, Get, Inject } from '@nestjs/common';
import type { EngineInfo, EngineNames, SystemInfo } from '@mockroom/contracts';
import { APP_CONFIG, AppConfig, describeEngines } from '@mockroom/server-config';
import { engineKey } from '@mockroom/server-jobs';
import { REDIS } from '@mockroom/server-queue';
import type IORedis from 'ioredis';
import { Public } from '../auth/auth.decorators';

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

  /** Which database, queue and engines this installation uses (no secrets). */
  @Get('system')
  async system(): Promise<SystemInfo> {
    const reported = await this.redis.get(engineKey(this.config));
    const engines: EngineInfo[] = describeEngines(this.config);
    if (reported) {
      // Reported by the worker, which runs them.
      const names = JSON.parse(reported) as EngineNames;
      const mode = (label: string): EngineInfo['mode'] => (/offline/i.test(label) ? 'offline' : /browser/i.test(label) ? 'browser' : 'external');
      engines.push(
        { kind: 'stt', name: names.stt, mode: mode(names.stt) },
        { kind: 'tts', name: names.tts, mode: mode(names.tts) },
        { kind: 'assessment', name: names.assessment, mode: mode(names.assessment) },
      );
    }
    return { version: process.env.npm_package_version ?? '0.1.0', engines };
  }
}
