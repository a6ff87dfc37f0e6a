/**
 * Onboarding and offboarding checklists, written here. Each step is due a number of business
 * days after the day it counts from (the start date for a joiner, the end date for a leaver;
 * 0 means by that day), belongs to an owner (a role, the person's manager or the person), and
 * evidences one library control: an overdue step is a readiness reason on that control.
 */

export const CHECKLIST_KINDS = ["joiner", "leaver"] as const;
export type ChecklistKind = (typeof CHECKLIST_KINDS)[number];

/**
 * Who does a step when nobody is named on it: the owner of the step's control (HR or IT), the
 * person's manager, or the person themselves.
 */
export const STEP_OWNERS = ["control-owner", "manager", "person"] as const;
export type StepOwner = (typeof STEP_OWNERS)[number];

export interface ChecklistStep {
  id: string;
  title: string;
  /** What done looks like, in a sentence. */
  description: string;
  businessDays: number;
  owner: StepOwner;
  /** The library control this step is evidence for. */
  control: string;
  /** Readiness words for people whose step is late: "leaver's access was not removed". */
  lateOne: string;
  lateMany: string;
}

export interface ChecklistTemplate {
  kind: ChecklistKind;
  title: string;
  /** What the SLA counts from. */
  anchor: "start date" | "end date";
  steps: readonly ChecklistStep[];
}

export const JOINER_CHECKLIST: ChecklistTemplate = {
  kind: "joiner",
  title: "Onboarding",
  anchor: "start date",
  steps: [
    {
      id: "background-check",
      title: "Background check cleared",
      description: "The screening provider's result is in and reviewed before the first day.",
      businessDays: 0,
      owner: "control-owner",
      control: "HR-01",
      lateOne: "joiner's background check was not cleared",
      lateMany: "joiners' background checks were not cleared",
    },
    {
      id: "policy-acknowledgement",
      title: "Policies acknowledged",
      description: "The new starter has read and acknowledged the policies that apply to them.",
      businessDays: 5,
      owner: "person",
      control: "HR-07",
      lateOne: "joiner has not acknowledged the policies",
      lateMany: "joiners have not acknowledged the policies",
    },
    {
      id: "training",
      title: "Security awareness training completed",
      description: "The starter finished the security awareness course assigned at hire.",
      businessDays: 20,
      owner: "person",
      control: "HR-03",
      lateOne: "joiner has not completed security training",
      lateMany: "joiners have not completed security training",
    },
    {
      id: "access-granted",
      title: "Access granted as approved",
      description:
        "Accounts are created for the role, and anything beyond it was approved by the " +
        "manager and the system owner before it was granted.",
      businessDays: 1,
      owner: "control-owner",
      control: "AC-04",
      lateOne: "joiner's access was not granted with approval",
      lateMany: "joiners' access was not granted with approval",
    },
    {
      id: "device-enrolled",
      title: "Device enrolled",
      description: "The work laptop is enrolled in device management with encryption on.",
      businessDays: 5,
      owner: "control-owner",
      control: "HR-07",
      lateOne: "joiner's device was not enrolled",
      lateMany: "joiners' devices were not enrolled",
    },
  ],
};

export const LEAVER_CHECKLIST: ChecklistTemplate = {
  kind: "leaver",
  title: "Offboarding",
  anchor: "end date",
  steps: [
    {
      id: "access-removed",
      title: "Access removed in every system",
      description:
        "The identity provider account is suspended and every account outside single " +
        "sign-on is removed.",
      businessDays: 1,
      owner: "control-owner",
      control: "AC-05",
      lateOne: "leaver's access was not removed",
      lateMany: "leavers' access was not removed",
    },
    {
      id: "device-returned",
      title: "Device returned",
      description: "The laptop, badges and keys are back, and the laptop is wiped before reuse.",
      businessDays: 10,
      owner: "control-owner",
      control: "HR-08",
      lateOne: "leaver's device was not returned",
      lateMany: "leavers' devices were not returned",
    },
    {
      id: "accounts-closed",
      title: "Accounts closed",
      description:
        "Shared credentials are rotated, files and ownerships are handed over, and the " +
        "person's remaining accounts are closed.",
      businessDays: 5,
      owner: "control-owner",
      control: "HR-08",
      lateOne: "leaver's accounts were not closed",
      lateMany: "leavers' accounts were not closed",
    },
  ],
};

export const CHECKLISTS: Record<ChecklistKind, ChecklistTemplate> = {
  joiner: JOINER_CHECKLIST,
  leaver: LEAVER_CHECKLIST,
};

export function checklistStep(kind: ChecklistKind, id: string): ChecklistStep | undefined {
  return CHECKLISTS[kind].steps.find((step) => step.id === id);
}

/** "within 1 business day of the end date", "by the start date". */
export function slaWords(kind: ChecklistKind, step: ChecklistStep): string {
  const anchor = CHECKLISTS[kind].anchor;
  if (step.businessDays === 0) return `by the ${anchor}`;
  const days = step.businessDays === 1 ? "1 business day" : `${step.businessDays} business days`;
  return `within ${days} of the ${anchor}`;
}
