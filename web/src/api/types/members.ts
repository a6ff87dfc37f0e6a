/** The answers of the members routes (the contracts are in src/contracts/members.ts). */
import type { TokenScope } from "../../../../src/contracts/members.ts";
export type {
  ApiToken,
  CreatedInvitation,
  CreatedToken,
  Invitation,
  Member,
  TokenScope,
} from "../../../../src/contracts/members.ts";

export const TOKEN_SCOPES = ["read", "evidence:write"] as const satisfies readonly TokenScope[];
