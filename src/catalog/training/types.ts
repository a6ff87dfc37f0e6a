/**
 * A security awareness training module shipped with Attest, written by us: a short text to
 * read, then a quiz with a pass mark. A completion records the module's version.
 */
import type { CategoryId } from "../types.ts";

export interface QuizQuestion {
  prompt: string;
  /** Two to five answers; exactly one is right. */
  choices: readonly string[];
  /** Index into `choices` of the right answer. */
  answer: number;
  /** Shown after answering: why the right answer is right. */
  explanation: string;
}

export interface TrainingModule {
  /** Stable kebab-case id, e.g. "phishing". Never reused. */
  id: string;
  title: string;
  /** Raised when the text or quiz changes in substance; a completion names the version. */
  version: number;
  /** Who must take it: everyone, or only engineers (people in the engineering department). */
  audience: "everyone" | "engineers";
  /** The categories that must be in scope for it to be assigned; empty means always. */
  categories: readonly CategoryId[];
  /** About how long it takes to read and answer, in minutes. */
  minutes: number;
  summary: string;
  /** The lesson in Markdown (headings, paragraphs, lists; no HTML). */
  body: string;
  /** At least five questions. */
  quiz: readonly QuizQuestion[];
  /** Share of right answers needed to pass, from 0.5 to 1 (e.g. 0.8). */
  passMark: number;
  /** Library control ids whose evidence a completion roster is (e.g. "HR-03"). */
  controls: readonly string[];
  criteria: readonly string[];
}
