/** Access reviews: campaigns, account imports, reviewers' decisions, removals done, completion. */
import { z } from "zod";
import {
  accessReviewDetail,
  accessReviewList,
  accessReviewSummary,
  accountsImported,
} from "../../contracts/access-reviews.ts";
import {
  completeCampaign,
  decideAccounts,
  recordAccessRemoved,
} from "../../services/program/access-review-decisions.service.ts";
import {
  decideInput,
  importAccountsInput,
  recordDoneInput,
  startCampaignInput,
} from "../../services/program/access-review-inputs.ts";
import {
  importAccounts,
  listCampaignSummaries,
  showCampaign,
  startCampaign,
} from "../../services/program/access-reviews.service.ts";
import { serviceInput } from "../body.ts";
import { orgRoute } from "../route.ts";
import type { Router } from "../route.ts";

const reviewParam = { review: z.string().min(1).max(40) };
const accountParam = { ...reviewParam, account: z.string().min(1).max(64) };

export function registerAccessReviewRoutes(router: Router): void {
  const { ctx } = router;
  orgRoute(router, {
    method: "GET",
    url: "/access-reviews",
    tag: "access-reviews",
    summary: "Access review campaigns, newest first (a reviewer sees those they review)",
    response: accessReviewList,
    handler: async ({ actor }) => ({ items: await listCampaignSummaries(ctx, actor) }),
  });
  orgRoute(router, {
    method: "POST",
    url: "/access-reviews",
    tag: "access-reviews",
    summary: "Start a campaign: its systems, reviewers, the period reviewed and the due day",
    response: accessReviewDetail,
    body: startCampaignInput,
    status: 201,
    handler: async ({ actor, body }) => startCampaign(ctx, actor, serviceInput(body)),
  });
  orgRoute(router, {
    method: "GET",
    url: "/access-reviews/:review",
    tag: "access-reviews",
    summary: "A campaign (AR-1 or its id) with its systems and accounts, flagged first",
    response: accessReviewDetail,
    params: reviewParam,
    handler: async ({ actor, params }) => showCampaign(ctx, actor, params.review),
  });
  orgRoute(router, {
    method: "POST",
    url: "/access-reviews/:review/accounts",
    tag: "access-reviews",
    summary:
      "Import a system's accounts (CSV text, header account,email,privileged), matched to the " +
      "people register; refused whole, with line numbers, if any row is bad",
    response: accountsImported,
    params: reviewParam,
    body: importAccountsInput,
    handler: async ({ actor, params, body }) =>
      importAccounts(ctx, actor, params.review, serviceInput(body)),
  });
  orgRoute(router, {
    method: "POST",
    url: "/access-reviews/:review/decisions",
    tag: "access-reviews",
    summary: "Decide keep, change or remove for accounts (the campaign's reviewers)",
    response: accessReviewDetail,
    params: reviewParam,
    body: decideInput,
    handler: async ({ actor, params, body }) =>
      decideAccounts(ctx, actor, params.review, serviceInput(body)),
  });
  orgRoute(router, {
    method: "POST",
    url: "/access-reviews/:review/accounts/:account/done",
    tag: "access-reviews",
    summary: "Record a removal or change as done, with the evidence that shows it",
    response: accessReviewDetail,
    params: accountParam,
    body: recordDoneInput,
    handler: async ({ actor, params, body }) =>
      recordAccessRemoved(ctx, actor, params.review, params.account, serviceInput(body)),
  });
  orgRoute(router, {
    method: "POST",
    url: "/access-reviews/:review/complete",
    tag: "access-reviews",
    summary: "Complete a campaign whose accounts are all decided: freeze it and file it on AC-06",
    response: accessReviewSummary,
    params: reviewParam,
    handler: async ({ actor, params }) => completeCampaign(ctx, actor, params.review),
  });
}
