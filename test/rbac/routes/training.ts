/** Routes of src/server/routes/training.ts: modules, quizzes, status, imports, rosters. */
import { trainingModule } from "../../../src/catalog/training/index.ts";
import { none } from "./arrange.ts";
import type { OrgRoute } from "./types.ts";

const phishing = { params: { module: "phishing" } };
const rightAnswers = (trainingModule("phishing")?.quiz ?? []).map((q) => q.answer);

export const TRAINING_ROUTES: readonly OrgRoute[] = [
  { method: "GET", path: "/training/modules", action: "training:read", status: 200, prepare: none },
  {
    method: "GET",
    path: "/training/modules/:module",
    action: "training:read",
    status: 200,
    prepare: async () => phishing,
  },
  {
    method: "POST",
    path: "/training/modules/:module/attempts",
    action: "training:take",
    status: 201,
    prepare: async () => ({ ...phishing, body: { answers: rightAnswers } }),
  },
  {
    method: "GET",
    path: "/training/completions",
    action: "training:read",
    status: 200,
    prepare: none,
  },
  {
    method: "GET",
    path: "/training/status",
    action: "training:manage",
    status: 200,
    prepare: none,
  },
  {
    method: "POST",
    path: "/training/imports",
    action: "training:manage",
    status: 201,
    prepare: async (world, role) => ({
      params: {},
      body: {
        fileName: `lms-${role}.csv`,
        // The same row each time: a repeat is skipped, and still a successful import.
        csv: `email,module,completed_on,score\nemployee@${world.prefix}.example,phishing,2026-01-15,90\n`,
      },
    }),
  },
  {
    method: "GET",
    path: "/training/roster",
    action: "training:manage",
    status: 200,
    prepare: none,
  },
  {
    method: "POST",
    path: "/training/roster/evidence",
    action: "training:manage",
    status: 201,
    prepare: async () => ({ params: {}, body: { from: "2026-01-01", to: "2026-01-31" } }),
  },
];
