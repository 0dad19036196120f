export { ParticipantAudioPipe } from './audio-pipe';
export { AgentLink } from './agent-link';
export { RoomAgent, type RoomAgentOptions } from './room-agent';
export { InterviewerVoice, voiceFrames, type VoiceOutput } from './interviewer-voice';
