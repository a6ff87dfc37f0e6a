import { describe, expect, it } from "vitest";
import { TRAINING_MODULES, trainingModule } from "../catalog/training/index.ts";
import type { TrainingModule } from "../catalog/training/index.ts";
import { parseCsv } from "./csv-table.ts";
import {
  isEngineer,
  markQuiz,
  moduleSha256,
  moduleStanding,
  modulesFor,
  needsAttention,
  scorePasses,
} from "./training.ts";

const phishing = trainingModule("phishing") as TrainingModule;

describe("module versions", () => {
  it("changes the hash when the text, a question or the pass mark changes, and not otherwise", () => {
    const base = moduleSha256(phishing);
    expect(moduleSha256({ ...phishing })).toBe(base);
    expect(moduleSha256({ ...phishing, body: `${phishing.body} ` })).not.toBe(base);
    expect(moduleSha256({ ...phishing, passMark: 0.9 })).not.toBe(base);
    const quiz = phishing.quiz.map((q, i) => (i === 0 ? { ...q, answer: q.answer + 1 } : q));
    expect(moduleSha256({ ...phishing, quiz })).not.toBe(base);
    // Only what people read and answer: the summary is a listing's blurb.
    expect(moduleSha256({ ...phishing, summary: "Another blurb for the list." })).toBe(base);
    expect(new Set(TRAINING_MODULES.map(moduleSha256)).size).toBe(TRAINING_MODULES.length);
  });
});

describe("who takes what", () => {
  it("gives engineers secure development, by department", () => {
    expect(isEngineer("Engineering")).toBe(true);
    expect(isEngineer("platform engineering")).toBe(true);
    expect(isEngineer("Site Reliability Engineer")).toBe(true);
    expect(isEngineer("Customer Success")).toBe(false);
    expect(isEngineer("Reengineering Office")).toBe(false);
    expect(isEngineer(null)).toBe(false);
    const ids = (department: string | null, scope: ("security" | "privacy")[]) =>
      modulesFor({ department }, TRAINING_MODULES, scope).map((m) => m.id);
    expect(ids("Engineering", ["security"])).toContain("secure-development");
    expect(ids("Sales", ["security"])).not.toContain("secure-development");
    expect(ids("Sales", ["security"])).not.toContain("privacy");
    expect(ids("Sales", ["security", "privacy"])).toContain("privacy");
  });
});

describe("marking", () => {
  it("passes at the pass mark, never rounding up, and reports each answer", () => {
    const right = phishing.quiz.map((q) => q.answer);
    expect(markQuiz(phishing, right)).toMatchObject({ correct: 7, score: 100, passed: true });
    const wrong = (count: number) =>
      right.map((a, i) => (i < count ? (a + 1) % (phishing.quiz[i]?.choices.length ?? 2) : a));
    // 7 questions at 0.8: 6 right (85%) pass, 5 right (71%) fail.
    expect(markQuiz(phishing, wrong(1))).toMatchObject({ correct: 6, score: 85, passed: true });
    expect(markQuiz(phishing, wrong(2))).toMatchObject({ correct: 5, score: 71, passed: false });
    expect(markQuiz(phishing, wrong(2)).right.slice(0, 3)).toEqual([false, false, true]);
    expect(scorePasses(phishing, 80)).toBe(true);
    expect(scorePasses(phishing, 79)).toBe(false);
    expect(scorePasses(phishing, null)).toBe(true);
  });
});

describe("due dates", () => {
  it("is due 30 days from starting, then a year from the last pass", () => {
    expect(moduleStanding("2026-03-02", null, "2026-03-10")).toEqual({
      state: "due",
      dueBy: "2026-04-01",
      lastPassedOn: null,
    });
    expect(moduleStanding("2026-03-02", null, "2026-04-02").state).toBe("overdue");
    expect(moduleStanding("2026-03-02", null, "2026-04-01").state).toBe("due");
    expect(moduleStanding("2025-01-10", "2025-02-01", "2026-02-01")).toEqual({
      state: "current",
      dueBy: "2026-02-01",
      lastPassedOn: "2025-02-01",
    });
    expect(moduleStanding("2025-01-10", "2025-02-01", "2026-02-02").state).toBe("overdue");
  });

  it("asks for a refresher 30 days before it is due", () => {
    const standing = moduleStanding("2025-01-10", "2025-06-01", "2026-04-30");
    expect(needsAttention(standing, "2026-04-30")).toBe(false);
    expect(needsAttention(standing, "2026-05-02")).toBe(true);
  });
});

describe("reading CSV", () => {
  it("reads quoted fields, CRLF, a byte-order mark and blank lines, keeping line numbers", () => {
    const table = parseCsv(
      '\uFEFFEmail,Module\r\n"a@x.example","say ""hi"", then"\r\n\r\nb@x.example,"two\nlines"\nc,d',
    );
    expect(table).toEqual({
      header: ["email", "module"],
      rows: [
        { line: 2, cells: ["a@x.example", 'say "hi", then'] },
        { line: 4, cells: ["b@x.example", "two\nlines"] },
        { line: 6, cells: ["c", "d"] },
      ],
    });
    expect(parseCsv('a,b\n"open,c\n')).toEqual({
      error: "a quoted field is never closed",
      line: 2,
    });
  });
});
