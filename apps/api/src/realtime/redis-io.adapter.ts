import { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type IORedis from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';

/** Socket.IO across API instances: rooms and emits go through Redis pub/sub (workers emit the same way). */
export class RedisIoAdapter extends IoAdapter {
  private pub: IORedis | null = null;
  private sub: IORedis | null = null;

  constructor(
    app: INestApplicationContext,
    private readonly redis: IORedis,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, { ...options, maxHttpBufferSize: 1e6, serveClient: false }) as Server;
    this.pub ??= this.redis.duplicate();
    this.sub ??= this.redis.duplicate();
    server.adapter(createAdapter(this.pub, this.sub));
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all([this.pub?.quit().catch(() => undefined), this.sub?.quit().catch(() => undefined)]);
    this.pub = this.sub = null;
  }
}
