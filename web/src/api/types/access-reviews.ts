/** The answers of the access review routes (the contracts are in src/contracts/access-reviews.ts). */
export type {
  AccessReviewDetail,
  AccessReviewSummary,
  AccountsImported,
  ReviewAccount,
} from "../../../../src/contracts/access-reviews.ts";
