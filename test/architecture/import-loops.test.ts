import { describe, expect, it } from "vitest";
import { importGraph, importLoops } from "./import-graph.ts";

describe("imports between the project's files", () => {
  it("form no loop, type-only imports included", () => {
    const graph = importGraph(["src", "web/src", "test", "bench"]);
    expect(graph.size).toBeGreaterThan(300);
    expect(importLoops(graph).map((loop) => loop.join(" -> "))).toEqual([]);
  });

  it("are found when two files import each other", () => {
    const graph = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts", "a.ts"]],
      ["c.ts", []],
    ]);
    expect(importLoops(graph)).toEqual([["a.ts", "b.ts", "a.ts"]]);
  });
});
