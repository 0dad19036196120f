import { createHash } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';

export interface SignWebhookOptions {
  /** Lifetime of the signature; LiveKit uses 5 minutes. A negative value makes an already expired one. */
  ttlSeconds?: number;
}

/**
 * FOR TESTS ONLY: the `Authorization` header value LiveKit would send with `body`.
 * LiveKit signs each webhook with an access token (HS256, the API secret, issuer = API key, valid 5 minutes)
 * whose `sha256` claim is the base64 SHA-256 of the exact body bytes, and sends the bare JWT (no `Bearer `).
 */
export async function signWebhook(
  apiKey: string,
  apiSecret: string,
  body: string,
  options: SignWebhookOptions = {},
): Promise<string> {
  const token = new AccessToken(apiKey, apiSecret, { ttl: options.ttlSeconds ?? 5 * 60 });
  token.sha256 = createHash('sha256').update(body, 'utf8').digest('base64');
  return token.toJwt();
}
