import type { EngineInfo, EngineNames, InterviewPlan, SystemInfo } from '@mockroom/contracts';

const MODE_LABELS: Record<EngineInfo['mode'], string> = {
  offline: 'offline',
  external: 'external',
  embedded: 'embedded',
  local: 'local',
  browser: 'in your browser',
};

/** The engine the interview uses, named as the installation names it (with its mode) when they match. */
function describe(kind: EngineInfo['kind'], used: string, system: SystemInfo | undefined): string {
  const name = used.trim();
  const wanted = name.toLowerCase();
  const engine = system?.engines.find((e) => {
    if (e.kind !== kind) return false;
    const known = e.name.toLowerCase();
    return !wanted || known.includes(wanted) || wanted.includes(known.split(/[\s(]/)[0]);
  });
  if (!engine) return name || 'unknown';
  return engine.name.includes('(') ? engine.name : `${engine.name} (${MODE_LABELS[engine.mode] ?? engine.mode})`;
}

/** "Transcription: PocketSphinx (offline) · Voice: flite · Scoring: …" for the room's small print. */
export function engineLine(engines: EngineNames, plan: InterviewPlan, system: SystemInfo | undefined): string {
  const parts = [`Transcription: ${describe('stt', engines.stt, system)}`];
  parts.push(`Voice: ${plan.voice === 'browser' ? "your browser's speech" : describe('tts', engines.tts, system)}`);
  if (engines.assessment) parts.push(`Scoring: ${describe('assessment', engines.assessment, system)}`);
  return parts.join(' · ');
}
