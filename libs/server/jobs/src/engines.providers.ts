import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AssessmentEngine, createAssessmentEngine, LlmEngine } from '@mockroom/assessment';
import type { EngineNames } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { APP_CONFIG, AppConfig } from '@mockroom/server-config';
import { onRedisRestart, REDIS } from '@mockroom/server-queue';
import { createSpeechToText, createTextToSpeech, SpeechToText, TextToSpeech } from '@mockroom/speech';
import type IORedis from 'ioredis';
import { assessmentOptions, engineKey, speechOptions } from '@mockroom/server-interviews';

/** The engines this worker runs, loaded once per process (decoders stay resident). */
@Injectable()
export class Engines implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Engines');
  private stopWatching: (() => void) | null = null;
  readonly stt: SpeechToText;
  readonly tts: TextToSpeech | null;
  readonly assessment: AssessmentEngine;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: IORedis,
  ) {
    const speech = speechOptions(config);
    this.stt = createSpeechToText(speech);
    this.tts = createTextToSpeech(speech);
    this.assessment = createAssessmentEngine(assessmentOptions(config));
  }

  names(): EngineNames {
    return {
      stt: this.stt.label,
      tts: this.tts?.label ?? 'Browser speech synthesis',
      assessment: this.assessmentLabel(),
    };
  }

  /** As the UI shows it: "Rubric engine (offline)" or "LLM gpt-4o-mini (with the rubric engine as fallback)". */
  private assessmentLabel(): string {
    const { assessment } = this;
    if (assessment instanceof LlmEngine) return `LLM ${assessment.model} (rubric engine as fallback)`;
    return 'Rubric engine (offline)';
  }

  /** Tells the API processes which engines do the work, for the UI. */
  async onApplicationBootstrap(): Promise<void> {
    // Load the speech models now, so the first candidate's first segment does not wait for them.
    await this.stt
      .start?.()
      .catch((error: Error) => this.logger.error(`speech-to-text is not ready: ${error.message}`));
    await this.report();
    // Kept in Redis only: reported again when Redis comes back restarted, or the pages would read "not reported".
    this.stopWatching = onRedisRestart(this.redis, () =>
      this.report().catch((error: Error) => this.logger.warn(`could not report the engines: ${error.message}`)),
    );
    this.logger.log(
      `speech-to-text: ${this.stt.label}; voice: ${this.tts?.label ?? 'browser'}; assessment: ${this.assessmentLabel()}`,
    );
  }

  private async report(): Promise<void> {
    await this.redis.set(engineKey(this.config), JSON.stringify(this.names()));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopWatching?.();
    await this.stt.close();
  }
}

export const QUESTION_BANK_PROVIDER = { provide: QuestionBank, useFactory: () => QuestionBank.load() };
