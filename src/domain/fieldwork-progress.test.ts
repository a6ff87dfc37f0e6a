import { describe, expect, it } from "vitest";
import { fieldworkProgress, progressWords } from "./fieldwork-progress.ts";

describe("fieldwork progress", () => {
  it("counts controls in place and concluded, and sampled items with a result", () => {
    const progress = fieldworkProgress([
      { conclusion: "operating-effectively", sampleSize: 25, tested: 25 },
      { conclusion: "exception-noted", sampleSize: 25, tested: 20 },
      { conclusion: "not-tested", sampleSize: 4, tested: 1 },
      { conclusion: "no-occurrences", sampleSize: 0, tested: 0 },
      // Not in place at the freeze: nothing to conclude, left out.
      { conclusion: "not-implemented", sampleSize: 0, tested: 0 },
    ]);
    expect(progress).toEqual({ controls: 4, concluded: 3, items: 54, tested: 46 });
    expect(progressWords(progress)).toBe("3 of 4 controls concluded, 46 of 54 items tested");
    expect(
      progressWords(fieldworkProgress([{ conclusion: "not-evaluated", sampleSize: 0, tested: 0 }])),
    ).toBe("0 of 1 control concluded");
  });
});
