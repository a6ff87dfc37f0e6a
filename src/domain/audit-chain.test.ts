import { describe, expect, it } from "vitest";
import { GENESIS_HASH, canonicalJson, hashEvent, verifyChain } from "./audit-chain.ts";
import type { ChainedAuditEvent } from "./audit-chain.ts";

function chain(count: number): ChainedAuditEvent[] {
  const events: ChainedAuditEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq += 1) {
    const content = {
      organizationId: "org-1",
      seq,
      occurredAt: `2026-01-0${seq}T00:00:00.000Z`,
      actorKind: "operator",
      actorId: "operator:ana",
      actorName: "ana",
      action: "control.updated",
      targetType: "control",
      targetId: `AC-0${seq}`,
      data: canonicalJson({ changes: { status: { from: "not-started", to: "implemented" } } }),
    };
    const hash = hashEvent(content, prevHash);
    events.push({ ...content, prevHash, hash });
    prevHash = hash;
  }
  return events;
}

describe("audit chain", () => {
  it("verifies an untouched chain", () => {
    expect(verifyChain(chain(5))).toBeNull();
  });

  it("names the event whose content was edited", () => {
    const events = chain(5);
    events[2] = { ...events[2]!, actorName: "mallory" };
    expect(verifyChain(events)).toEqual({
      seq: 3,
      reason: "event 3 was changed after it was written",
    });
  });

  it("catches a deleted event in the middle", () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(verifyChain(events)).toEqual({ seq: 2, reason: "event 2 is missing (found 3)" });
  });

  it("catches an edited event whose hash was recomputed to hide the edit", () => {
    const events = chain(4);
    const forged = { ...events[1]!, targetId: "AC-99" };
    events[1] = { ...forged, hash: hashEvent(forged, forged.prevHash) };
    expect(verifyChain(events)).toEqual({ seq: 3, reason: "event 3 does not follow event 2" });
  });

  it("encodes fields unambiguously and JSON canonically", () => {
    const base = chain(1)[0]!;
    const shifted = { ...base, actorId: "operator:an", actorName: "aana" };
    expect(hashEvent(base, GENESIS_HASH)).not.toBe(hashEvent(shifted, GENESIS_HASH));
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}',
    );
  });
});
