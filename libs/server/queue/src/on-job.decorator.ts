import { SetMetadata } from '@nestjs/common';
import type { JobName } from '@mockroom/contracts';

export const ON_JOB = Symbol('ON_JOB');

/** Marks a provider method as the handler of a job; the worker finds it at start-up. */
export const OnJob = (name: JobName) => SetMetadata(ON_JOB, name);
