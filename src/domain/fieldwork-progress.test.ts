import { describe, expect, it } from "vitest";
import { fieldworkProgress, progressWords } from "./fieldwork-progress.ts";

describe("fieldwork progress", () => {
  it("counts controls in place and concluded, and sampled items with a result", () => {
    const progress = fieldworkProgress([
      { conclusion: "operating-effectively", sampleSize: 25, tested: 25, awaitingResult: [] },
      { conclusion: "exception-noted", sampleSize: 25, tested: 20, awaitingResult: [] },
      { conclusion: "not-tested", sampleSize: 4, tested: 1, awaitingResult: ["a", "b", "c"] },
      { conclusion: "no-occurrences", sampleSize: 0, tested: 0, awaitingResult: [] },
      // Deviations already (occurrences without evidence), but items still to test: open.
      { conclusion: "exception-noted", sampleSize: 2, tested: 0, awaitingResult: ["x", "y"] },
      // Not in place at the freeze: nothing to conclude, left out.
      { conclusion: "not-implemented", sampleSize: 0, tested: 0, awaitingResult: [] },
    ]);
    expect(progress).toEqual({ controls: 5, concluded: 3, items: 56, tested: 46 });
    expect(progressWords(progress)).toBe("3 of 5 controls concluded, 46 of 56 items tested");
    expect(
      progressWords(
        fieldworkProgress([
          { conclusion: "not-evaluated", sampleSize: 0, tested: 0, awaitingResult: [] },
        ]),
      ),
    ).toBe("0 of 1 control concluded");
  });
});
