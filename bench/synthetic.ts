/** What the benchmarks seed with: a repeatable random sequence and synthetic controls. */
import type { Control } from "../src/domain/control.ts";

/** A fixed pseudo-random sequence, so every run seeds the same shape. */
export function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** An implemented manual control; `fields` names what differs (ref, frequency, criteria…). */
export function syntheticControl(
  at: string,
  fields: Pick<Control, "id" | "ref" | "title"> & Partial<Control>,
): Control {
  return {
    templateId: null,
    description: "Synthetic.",
    kind: "detective",
    automation: "manual",
    frequency: "monthly",
    ownerRole: null,
    owner: null,
    status: "implemented",
    statusReason: null,
    suggestedEvidence: [],
    testProcedure: "Inspect.",
    version: 1,
    criteria: ["CC7.2"],
    createdAt: at,
    updatedAt: at,
    ...fields,
  };
}
