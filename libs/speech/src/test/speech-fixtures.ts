// Real speech for tests, made at test time with flite (no audio files are committed).
import { join } from 'node:path';
import { run } from '../util/process';

/**
 * Speaks `text` with flite into `<dir>/<name>.wav` and returns the path of a 16 kHz mono
 * 16-bit version of it (kal16 and slt speak at 16 kHz already; others are converted with sox).
 */
export async function fliteWav(
  text: string,
  dir: string,
  options: { voice?: string; name?: string } = {},
): Promise<string> {
  const voice = options.voice ?? 'kal16';
  const name = options.name ?? `flite-${Math.random().toString(36).slice(2, 10)}`;
  const raw = join(dir, `${name}.flite.wav`);
  const out = join(dir, `${name}.wav`);
  const spoken = await run('flite', ['-voice', voice, '-t', text, '-o', raw], { timeoutMs: 60_000 });
  if (spoken.code !== 0) throw new Error(`flite failed: ${spoken.stderr}`);
  await sox([raw, out], ['rate', '16000', 'channels', '1']);
  return out;
}

/** Runs `sox <files...> [effects...]` (the last file is the output) and fails on a non-zero exit. */
export async function sox(files: string[], effects: string[] = []): Promise<void> {
  const output = files[files.length - 1];
  const result = await run('sox', [...files.slice(0, -1), '-b', '16', output, ...effects], { timeoutMs: 60_000 });
  if (result.code !== 0) throw new Error(`sox failed: ${result.stderr}`);
}
