import type { ComponentType } from 'react';
import { orderedRegistry } from '../lib/registry.js';

/**
 * Small status indicators in the header ("Simulator" vs "Telnyx API", OCR queue…). A feature
 * registers one from its own module, imported once in features/index.ts.
 */
export interface HeaderIndicator {
  id: string;
  /** lower comes first */
  order: number;
  component: ComponentType;
}

const registry = orderedRegistry<HeaderIndicator>();
export const registerHeaderIndicator = registry.register;
export const useHeaderIndicators = registry.use;
