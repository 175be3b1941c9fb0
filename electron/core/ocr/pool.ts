import { AppError } from '../../../shared/contract/rpc.js';
import type { OcrPool } from './types.js';

export interface OcrPoolOptions {
  size?: number;
}

// Placeholder until the worker_threads pool lands (same commit series).
export function createOcrPool(_opts: OcrPoolOptions = {}): OcrPool {
  const fail = async (): Promise<never> => {
    throw new AppError('INTERNAL', 'OCR is not available in this build yet.');
  };
  return { size: 1, recognize: fail, close: async () => undefined };
}
