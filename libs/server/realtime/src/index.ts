export * from './live-audio.channel';
export * from './live-emitter.service';
export * from './realtime.module';
export * from './interview-leases';
