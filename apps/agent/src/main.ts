import { AUDIO_SAMPLE_RATE } from '@mockroom/contracts';
import { RoomAgent } from '@mockroom/server-agent';
import { ConfigError, loadConfig } from '@mockroom/server-config';
import { agentDispatchChannel, mintAgentCredential, mintToken, type AgentDispatch } from '@mockroom/server-livekit';
import IORedis from 'ioredis';

/**
 * The media agent for LiveKit rooms. The API asks it (a Redis message) to join an interview's room when a participant
 * gets a room token; it subscribes to every participant's microphone and sends the audio, labelled with the
 * participant's role, into the API's pipeline (transcription, recording, the rubric checklist).
 *
 *   LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET   the LiveKit server
 *   MOCKROOM_API_URL                                     where the API listens (default http://127.0.0.1:$PORT)
 *   MOCKROOM_SECRET, REDIS_URL, MOCKROOM_QUEUE_PREFIX    as for the API
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const livekit = config.livekit;
  if (!livekit) throw new ConfigError('the agent needs LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET.');
  const apiUrl = process.env.MOCKROOM_API_URL ?? `http://127.0.0.1:${config.port}`;
  const log = (message: string) => console.log(`[agent] ${message}`);
  const rooms = new Map<string, RoomAgent>();

  const join = async ({ interviewId, room, voice }: AgentDispatch) => {
    if (rooms.has(room)) return;
    const agent = new RoomAgent({
      livekitUrl: livekit.url,
      token: await mintToken({
        apiKey: livekit.apiKey,
        apiSecret: livekit.apiSecret,
        room,
        identity: `agent-${interviewId}`,
        name: 'Mockroom',
        role: 'agent',
        ttlSeconds: 6 * 3600,
      }),
      apiUrl,
      credential: mintAgentCredential(config.secret, interviewId),
      interviewId,
      voice: voice === true,
      log,
      onDisconnected: () => {
        if (rooms.get(room) === agent) rooms.delete(room);
        log(`left ${room}`);
      },
    });
    rooms.set(room, agent);
    try {
      await agent.start();
      log(`joined ${room} (audio to ${apiUrl} at ${AUDIO_SAMPLE_RATE} Hz)`);
    } catch (error) {
      rooms.delete(room);
      log(`could not join ${room}: ${(error as Error).message}`);
    }
  };

  const subscriber = new IORedis(config.redis.url, { maxRetriesPerRequest: null });
  await subscriber.subscribe(agentDispatchChannel(config.redis.prefix));
  subscriber.on('message', (_channel: string, message: string) => {
    try {
      const dispatch = JSON.parse(message) as AgentDispatch;
      if (typeof dispatch.interviewId === 'string' && typeof dispatch.room === 'string') void join(dispatch);
    } catch {
      log(`ignored a malformed dispatch: ${message.slice(0, 200)}`);
    }
  });
  log(`ready for rooms on ${livekit.url}`);
  process.send?.({ type: 'ready' });

  const stop = async () => {
    await Promise.all([...rooms.values()].map((agent) => agent.stop().catch(() => undefined)));
    subscriber.disconnect();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: Error) => {
  console.error(
    error instanceof ConfigError ? `Configuration error: ${error.message}` : `Agent failed to start: ${error.message}`,
  );
  process.exit(1);
});
