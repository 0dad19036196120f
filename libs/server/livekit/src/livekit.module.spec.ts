import { Test } from '@nestjs/testing';
import { ConfigModule, loadConfig } from '@mockroom/server-config';
import { WebhookReceiver } from 'livekit-server-sdk';
import { LiveKitNotConfiguredError, LiveKitRooms } from './livekit-rooms';
import { LIVEKIT, LiveKitModule } from './livekit.module';
import { UnconfiguredWebhookReceiver, verifyWebhook } from './livekit-webhooks';
import { signWebhook } from './testing/sign-webhook';

const baseEnv = {
  MOCKROOM_SECRET: 'x'.repeat(40),
  DATABASE_URL: 'postgres://mockroom@127.0.0.1:5432/mockroom',
  REDIS_URL: 'redis://127.0.0.1:6379',
};

async function compile(env: Record<string, string>) {
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigModule.withConfig(loadConfig({ ...baseEnv, ...env })), LiveKitModule],
  }).compile();
  return {
    config: moduleRef.get(LIVEKIT),
    rooms: moduleRef.get(LiveKitRooms),
    receiver: moduleRef.get(WebhookReceiver),
  };
}

describe('LiveKitModule', () => {
  it('provides the configuration, the rooms client and a receiver that checks our secret', async () => {
    const { config, rooms, receiver } = await compile({
      LIVEKIT_URL: 'wss://livekit.example.com',
      LIVEKIT_API_KEY: 'APIkey',
      LIVEKIT_API_SECRET: 'secret-'.repeat(6),
    });
    expect(config).toEqual({
      url: 'wss://livekit.example.com',
      publicUrl: 'wss://livekit.example.com',
      apiKey: 'APIkey',
      apiSecret: 'secret-'.repeat(6),
      egress: true,
      egressPath: 'mockroom',
    });
    const behindProxy = await compile({
      LIVEKIT_URL: 'ws://livekit:7880',
      LIVEKIT_PUBLIC_URL: 'wss://rtc.example.com',
      LIVEKIT_API_KEY: 'APIkey',
      LIVEKIT_API_SECRET: 'secret-'.repeat(6),
    });
    expect(behindProxy.config).toMatchObject({ url: 'ws://livekit:7880', publicUrl: 'wss://rtc.example.com' });
    expect(rooms.configured).toBe(true);
    expect(receiver).not.toBeInstanceOf(UnconfiguredWebhookReceiver);
    const body = JSON.stringify({
      event: 'room_started',
      room: { sid: 'RM_1', name: 'r' },
      id: 'EV_1',
      createdAt: '1718000000',
    });
    await expect(
      verifyWebhook(receiver, body, await signWebhook('APIkey', 'secret-'.repeat(6), body)),
    ).resolves.toMatchObject({ event: 'room_started' });
  });

  it('still starts without LiveKit, and says so when used', async () => {
    const { config, rooms, receiver } = await compile({});
    expect(config).toBeNull();
    expect(rooms.configured).toBe(false);
    await expect(rooms.listParticipants('r')).rejects.toThrow(LiveKitNotConfiguredError);
    expect(receiver).toBeInstanceOf(UnconfiguredWebhookReceiver);
    await expect(verifyWebhook(receiver, '{}', 'token')).rejects.toMatchObject({ reason: 'not_configured' });
  });
});
