/** The answers of the organizations routes (the contracts are in src/contracts/organizations.ts). */
export type {
  CreatedOrganization,
  MyOrganization as OrganizationSummary,
  Organization,
  OrganizationCriterion as Criterion,
  Scope,
} from "../../../../src/contracts/organizations.ts";
