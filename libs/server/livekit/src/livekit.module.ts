import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@mockroom/server-config';
import { WebhookReceiver } from 'livekit-server-sdk';
import { type LiveKitConfig, LiveKitRooms } from './livekit-rooms';
import { UnconfiguredWebhookReceiver } from './livekit-webhooks';

/** Injection token for `config.livekit`: the LiveKit URL and API key, or null when LiveKit is not configured. */
export const LIVEKIT = Symbol('LIVEKIT');

/**
 * LiveKit access for the API and the worker. Always importable: without LiveKit configured, LIVEKIT is null,
 * LiveKitRooms throws LiveKitNotConfiguredError on every call and the WebhookReceiver refuses every webhook.
 */
@Global()
@Module({
  providers: [
    { provide: LIVEKIT, useFactory: (config: AppConfig): LiveKitConfig | null => config.livekit, inject: [APP_CONFIG] },
    {
      provide: LiveKitRooms,
      useFactory: (livekit: LiveKitConfig | null) => new LiveKitRooms(livekit),
      inject: [LIVEKIT],
    },
    {
      provide: WebhookReceiver,
      useFactory: (livekit: LiveKitConfig | null): WebhookReceiver =>
        livekit ? new WebhookReceiver(livekit.apiKey, livekit.apiSecret) : new UnconfiguredWebhookReceiver(),
      inject: [LIVEKIT],
    },
  ],
  exports: [LIVEKIT, LiveKitRooms, WebhookReceiver],
})
export class LiveKitModule {}
