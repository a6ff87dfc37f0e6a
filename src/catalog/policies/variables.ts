/**
 * Variables that several policy templates share, defined once so that the same placeholder
 * has the same label, default and help wherever an organization meets it on adoption.
 */
import type { PolicyVariable } from "./types.ts";

export const SECURITY_OFFICER: PolicyVariable = {
  name: "security_officer",
  label: "Security lead's title",
  default: "Head of Security",
  help: "The role that owns the security program and approves exceptions to security policies.",
};

export const EXECUTIVE_SPONSOR: PolicyVariable = {
  name: "executive_sponsor",
  label: "Approving executive's title",
  default: "Chief Executive Officer",
  help: "The executive who approves this policy and decides escalated exceptions.",
};

export const PEOPLE_LEAD: PolicyVariable = {
  name: "people_lead",
  label: "People team lead's title",
  default: "Head of People",
  help: "The role that runs hiring, onboarding, offboarding and disciplinary cases.",
};

export const ENGINEERING_LEAD: PolicyVariable = {
  name: "engineering_lead",
  label: "Engineering lead's title",
  default: "VP of Engineering",
  help: "The role accountable for how software and infrastructure are built and run.",
};

export const IT_LEAD: PolicyVariable = {
  name: "it_lead",
  label: "IT lead's title",
  default: "IT Manager",
  help: "The role that runs the identity provider, company devices and business applications.",
};

export const PRIVACY_OFFICER: PolicyVariable = {
  name: "privacy_officer",
  label: "Privacy lead's title",
  default: "Privacy Officer",
  help: "The role that owns the privacy program and answers questions from individuals and regulators.",
};

export const LEGAL_LEAD: PolicyVariable = {
  name: "legal_lead",
  label: "Legal lead's title",
  default: "General Counsel",
  help: "The role that reviews contracts, legal obligations and notices to outside parties.",
};

export const SECURITY_CONTACT: PolicyVariable = {
  name: "security_contact",
  label: "Security reporting address",
  default: "security@example.com",
  help: "Where staff report suspected incidents, lost devices and policy concerns.",
};

export const LEAVER_REMOVAL_SLA: PolicyVariable = {
  name: "leaver_removal_sla",
  label: "Time to remove a leaver's access",
  default: "1 business day",
  help: "The longest time between a person's last day and the suspension of their accounts.",
};

export const CUSTOMER_DELETION_DAYS: PolicyVariable = {
  name: "customer_deletion_days",
  label: "Days to delete data after contract end",
  default: "30",
  help: "How many days after a customer's contract ends, and any agreed export, before their data is deleted from production.",
};

export const PASSWORD_MIN_LENGTH: PolicyVariable = {
  name: "password_min_length",
  label: "Minimum password length",
  default: "12",
  help: "The fewest characters the identity provider accepts for a password.",
};
