/** Messages between the capture worklet and the main thread. */

/** Name the worklet registers its processor under. */
export const CAPTURE_PROCESSOR = 'mockroom-capture';

export interface CaptureProcessorOptions {
  /** Rate of the frames the worklet posts (16 kHz). */
  targetRate: number;
  /** Samples per posted frame (320 = 20 ms at 16 kHz). */
  frameSamples: number;
}

/** Worklet → main thread: one finished frame (its buffer is transferred). */
export interface CaptureFrameMessage {
  type: 'frame';
  pcm: ArrayBuffer;
  level: number;
}

/** Main thread → worklet: stop posting and let the processor be collected. */
export interface CaptureStopMessage {
  type: 'stop';
}
