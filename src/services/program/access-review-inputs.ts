/** What the access review services accept, as zod schemas (the routes' bodies are these). */
import { z } from "zod";
import { ACCESS_DECISIONS } from "../../domain/access-review.ts";
import { calendarDate, email, oneOf, optionalText, requiredText } from "../platform/inputs.ts";

const systemName = requiredText(100);

export const startCampaignInput = z
  .object({
    name: requiredText(200),
    /** The systems whose accounts are reviewed; each one's list is imported afterwards. */
    systems: z
      .array(systemName)
      .min(1, "name at least one system")
      .max(50, "keep a campaign under 50 systems"),
    /** The reviewers' emails: members who decide (managers, system owners); the caller when left out. */
    reviewers: z.array(email).min(1, "name at least one reviewer").max(20).optional(),
    /** The period reviewed: the quarter up to today when left out. */
    periodFrom: calendarDate.optional(),
    periodTo: calendarDate.optional(),
    /** Two weeks from today when left out. */
    dueOn: calendarDate.optional(),
  })
  .strict();
export type StartCampaignInput = z.input<typeof startCampaignInput>;

export const importAccountsInput = z
  .object({
    system: systemName,
    /** The account list's text, header `account,email,privileged`. */
    csv: z
      .string({ error: "send the CSV file's text" })
      .max(10 * 1024 * 1024, "keep the file under 10 MB"),
  })
  .strict();
export type ImportAccountsInput = z.input<typeof importAccountsInput>;

const comment = optionalText(2000)
  .nullable()
  .default(null)
  .transform((value) => (value === null || value === "" ? null : value));

export const decideInput = z
  .object({
    decisions: z
      .array(
        z
          .object({
            account: z.string().trim().min(1).max(64).describe("the account's id"),
            decision: oneOf(ACCESS_DECISIONS, "decision"),
            comment,
          })
          .strict(),
      )
      .min(1, "decide at least one account")
      .max(1000, "decide at most 1,000 accounts at once"),
  })
  .strict();
export type DecideInput = z.input<typeof decideInput>;

export const recordDoneInput = z
  .object({
    /** The evidence item (id or unique prefix) showing the access was removed or changed. */
    evidenceId: z.string().trim().min(1, "name the evidence that the access was removed").max(64),
    note: comment,
  })
  .strict();
export type RecordDoneInput = z.input<typeof recordDoneInput>;
