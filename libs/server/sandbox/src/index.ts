export * from './sandbox';
export * from './bubblewrap-sandbox';
export * from './piston-sandbox';
export { formatBytes, formatDuration, resolveLimits } from './sandbox-limits';
