// Every key the enrollment screens build from data exists in both languages.
import { describe, expect, it } from 'vitest';
import { cs, en, type Tree } from '@/i18n/resources';
import {
  appealOutcomes,
  applicationChannels,
  dateKeys,
  decisions,
  deliveryMethods,
  enrollmentLevels,
  enrollmentStages,
  segregationStatuses,
  taskKinds,
} from '../types';

function lookup(tree: Tree, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Tree)[part] : undefined), tree);
}

describe('enrollment translations', () => {
  it('cover the keys built from data', () => {
    const built = [
      ...enrollmentStages.flatMap((s) => [`enrollment.stage.${s}`, `enrollment.form.dateHint.${s}`]),
      ...enrollmentLevels.map((v) => `enrollment.level.${v}`),
      ...decisions.map((v) => `enrollment.decision.${v}`),
      ...applicationChannels.map((v) => `enrollment.channel.${v}`),
      ...deliveryMethods.map((v) => `enrollment.method.${v}`),
      ...appealOutcomes.map((v) => `enrollment.outcome.${v}`),
      ...segregationStatuses.map((v) => `enrollment.segregation.${v}`),
      ...taskKinds.map((v) => `enrollment.task.${v}`),
      ...dateKeys.map((v) => `enrollment.date.${v}`),
    ];
    for (const key of built) {
      expect(typeof lookup(cs, key), `cs ${key}`).toBe('string');
      expect(typeof lookup(en, key), `en ${key}`).toBe('string');
    }
  });
});
