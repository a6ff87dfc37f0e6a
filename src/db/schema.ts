/**
 * Table types as Kysely sees them. Portable types only (see portable.ts): text ids, text
 * timestamps in UTC ISO-8601, integers for counts and flags, JSON as text.
 */

export interface OrganizationsTable {
  id: string;
  slug: string;
  name: string;
  system_name: string;
  time_zone: string;
  created_at: string;
  updated_at: string;
}

export interface OrganizationCategoriesTable {
  organization_id: string;
  category: string;
  added_at: string;
}

export interface CriterionExclusionsTable {
  organization_id: string;
  criterion_id: string;
  reason: string;
  created_by: string;
  created_at: string;
}

export interface ControlsTable {
  id: string;
  organization_id: string;
  ref: string;
  template_id: string | null;
  title: string;
  description: string;
  kind: string;
  automation: string;
  frequency: string;
  owner_role: string | null;
  owner: string | null;
  status: string;
  status_reason: string | null;
  suggested_evidence: string;
  test_procedure: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ControlCriteriaTable {
  organization_id: string;
  control_id: string;
  criterion_id: string;
  created_at: string;
}

export interface AuditEventsTable {
  id: string;
  organization_id: string;
  seq: number;
  occurred_at: string;
  actor_kind: string;
  actor_id: string;
  actor_name: string;
  action: string;
  target_type: string;
  target_id: string;
  data: string;
  prev_hash: string;
  hash: string;
}

export interface CriterionTextsTable {
  organization_id: string;
  criterion_id: string;
  text: string;
  points_of_focus: string;
  source: string;
  imported_at: string;
}

export interface Database {
  organizations: OrganizationsTable;
  organization_categories: OrganizationCategoriesTable;
  criterion_exclusions: CriterionExclusionsTable;
  controls: ControlsTable;
  control_criteria: ControlCriteriaTable;
  audit_events: AuditEventsTable;
  criterion_texts: CriterionTextsTable;
}
