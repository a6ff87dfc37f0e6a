// Every Okta check, in the order `attest checks list` shows them.
import type { CheckDefinition } from "../../../domain/checks/check.ts";
import type { OktaSnapshot } from "../snapshot.ts";
import { inactiveUsersNoRolesCheck, superAdminsFewCheck } from "./admins.ts";
import { inactiveUsersCheck } from "./inactivity.ts";
import { adminsMfaCheck, adminsPhishingResistantCheck, usersMfaCheck } from "./mfa.ts";
import { passwordPolicyCheck, signOnPolicyMfaCheck } from "./policies.ts";
import { leaversDeactivatedCheck, unknownAccountsCheck } from "./register.ts";

export const oktaChecks: readonly CheckDefinition<OktaSnapshot>[] = [
  usersMfaCheck,
  adminsMfaCheck,
  adminsPhishingResistantCheck,
  superAdminsFewCheck,
  inactiveUsersNoRolesCheck,
  leaversDeactivatedCheck,
  unknownAccountsCheck,
  inactiveUsersCheck,
  passwordPolicyCheck,
  signOnPolicyMfaCheck,
];
