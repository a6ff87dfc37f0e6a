/**
 * A sample as people read it: beside each control's item keys, the same items in words
 * ("March 2026", "Pull request #4105 (2 March)", itemInWords), computed on reading and never
 * stored, so the sample's hashes stay those of what was drawn. The browser runs none of the
 * server's code: the Sample tab and the request dialog show these words as the API gives them.
 */
import type { ControlSample, EngagementSample } from "./engagement.ts";
import { itemInWords } from "./words.ts";

export type NamedControlSample = ControlSample & {
  /** The sampled items in words, in the order of `items`. */
  itemLabels: string[];
};

export interface NamedSample extends Omit<EngagementSample, "controls"> {
  controls: NamedControlSample[];
}

export function nameSampleItems(sample: EngagementSample): NamedSample {
  return {
    ...sample,
    controls: sample.controls.map((control) => {
      const byKey = new Map(control.population.map((p) => [p.key, p]));
      const itemLabels = control.items.map((key) => {
        const occurrence = byKey.get(key);
        return occurrence === undefined ? key : itemInWords(occurrence);
      });
      return { ...control, itemLabels };
    }),
  };
}
