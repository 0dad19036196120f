export * from './livekit-roles';
export * from './livekit-tokens';
export * from './livekit-mapping';
export * from './livekit-webhooks';
export * from './livekit-rooms';
export * from './livekit.module';
/** For tests only: signs a webhook body the way the LiveKit server does. */
export { signWebhook as signWebhookForTests, type SignWebhookOptions } from './testing/sign-webhook';
/** The SDK classes the module provides, so callers can inject them without importing the SDK. */
export { WebhookReceiver, type WebhookEvent } from 'livekit-server-sdk';
export * from './agent-credential';
