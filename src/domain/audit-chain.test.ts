import { describe, expect, it } from "vitest";
import {
  GENESIS_HASH,
  bodyMatches,
  canonicalJson,
  chainEvent,
  chainHash,
  eventBody,
  verifyChain,
} from "./audit-chain.ts";
import type { ChainedAuditEvent } from "./audit-chain.ts";

function chain(count: number): ChainedAuditEvent[] {
  const events: ChainedAuditEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq += 1) {
    const event = chainEvent(
      {
        organizationId: "org-1",
        seq,
        occurredAt: `2026-01-0${seq}T00:00:00.000Z`,
        actorKind: "operator",
        actorId: "operator:ana",
        actorName: "Ana Ñúñez",
        action: "control.updated",
        targetType: "control",
        targetId: `AC-0${seq}`,
        data: canonicalJson({ changes: { status: { from: "not-started", to: "implemented" } } }),
      },
      prevHash,
    );
    events.push(event);
    prevHash = event.hash;
  }
  return events;
}

describe("audit chain", () => {
  it("verifies an untouched chain whose columns match their bodies", () => {
    const events = chain(5);
    expect(verifyChain(events)).toBeNull();
    expect(events.every(bodyMatches)).toBe(true);
  });

  it("names the event whose hashed body was edited", () => {
    const events = chain(5);
    const body = Buffer.from(events[2]!.body).toString().replace("Ana", "Eve");
    events[2] = { ...events[2]!, body: Buffer.from(body) };
    expect(verifyChain(events)).toEqual({
      seq: 3,
      reason: "event 3 was changed after it was written",
    });
  });

  it("sees a column edited without its body", () => {
    const events = chain(3);
    const edited = { ...events[1]!, actorName: "mallory" };
    expect(bodyMatches(edited)).toBe(false);
  });

  it("catches a deleted event in the middle", () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(verifyChain(events)).toEqual({ seq: 2, reason: "event 2 is missing (found 3)" });
  });

  it("catches an edited event whose hash was recomputed to hide the edit", () => {
    const events = chain(4);
    const forged = chainEvent({ ...events[1]!, targetId: "AC-99" }, events[1]!.prevHash);
    events[1] = forged;
    expect(verifyChain(events)).toEqual({ seq: 3, reason: "event 3 does not follow event 2" });
  });

  it("catches a cut-off tail against the head recorded apart", () => {
    const events = chain(4);
    const head = { seq: 4, hash: events[3]!.hash };
    expect(verifyChain(events.slice(0, 3), head)).toEqual({
      seq: 4,
      reason: "events after 3 are missing (the newest recorded is 4)",
    });
  });

  it("encodes fields by UTF-8 length, unambiguously, and JSON canonically", () => {
    const base = chain(1)[0]!;
    expect(eventBody(base, GENESIS_HASH)).toContain("12:Ana Ñúñez\n");
    expect(eventBody(base, GENESIS_HASH).endsWith(`64:${GENESIS_HASH}\n`)).toBe(true);
    const shifted = { ...base, actorId: "operator:an", actorName: "aAna Ñúñez" };
    expect(chainHash(eventBody(base, GENESIS_HASH))).not.toBe(
      chainHash(eventBody(shifted, GENESIS_HASH)),
    );
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}',
    );
  });

  it("writes empty and odd values as JSON does, keys sorted", () => {
    expect(canonicalJson([])).toBe("[]");
    expect(canonicalJson({})).toBe("{}");
    expect(canonicalJson([undefined, null, "é\n", 1.5, true])).toBe('[null,null,"é\\n",1.5,true]');
    expect(canonicalJson({ z: undefined, ключ: [{}], a: [[], [1, [2]]] })).toBe(
      '{"a":[[],[1,[2]]],"ключ":[{}]}',
    );
  });

  it("writes a record nested a hundred thousand levels deep without running out of stack", () => {
    let deep: unknown = "bottom";
    for (let i = 0; i < 100_000; i += 1) deep = i % 2 === 0 ? { k: deep } : [deep];
    const text = canonicalJson(deep);
    expect(text.startsWith('[{"k":[{"k":')).toBe(true);
    expect(text.length).toBe((100_000 / 2) * ('{"k":}'.length + 2) + '"bottom"'.length);
  });
});
