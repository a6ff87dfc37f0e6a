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
  /** The newest audit event's seq and hash, written with it: a deleted tail shows. */
  audit_head_seq: number | null;
  audit_head_hash: string | null;
  require_totp: number;
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
  body: Buffer;
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

export interface EvidenceItemsTable {
  id: string;
  organization_id: string;
  kind: string;
  title: string;
  source: string;
  sha256: string;
  size: number;
  media_type: string | null;
  file_name: string | null;
  url: string | null;
  record_kind: string | null;
  record_data: string | null;
  for_from: string;
  for_to: string;
  added_by: string;
  added_at: string;
  removed_at: string | null;
  removed_by: string | null;
  removed_reason: string | null;
}

export interface EvidenceControlsTable {
  organization_id: string;
  evidence_id: string;
  control_id: string;
  linked_by: string;
  linked_at: string;
}

/** PostgreSQL only: file content, content-addressed, in chunks. */
export interface BlobsTable {
  sha256: string;
  size: string | number;
  chunks: number;
  created_at: string;
}

export interface BlobChunksTable {
  /** The SHA-256 once complete; "upload:<uuid>" while the upload streams in. */
  blob_key: string;
  idx: number;
  data: Buffer;
  created_at: string;
}

export interface EngagementsTable {
  id: string;
  organization_id: string;
  number: number;
  type: number;
  as_of: string | null;
  period_from: string | null;
  period_to: string | null;
  categories: string;
  audit_firm: string;
  /** Names typed before auditors had accounts (migration 0016; was `auditors`). */
  firm_team: string;
  short_period_reason: string | null;
  status: string;
  snapshot: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface EngagementSamplesTable {
  id: string;
  organization_id: string;
  engagement_id: string;
  seed: string;
  drawn_by: string;
  drawn_at: string;
  redraw_reason: string | null;
  superseded_at: string | null;
  data: string;
}

export interface EngagementTestsTable {
  organization_id: string;
  engagement_id: string;
  control_ref: string;
  methods: string;
  procedure: string;
  tester: string;
  tester_email: string | null;
  entered_by: string | null;
  tested_on: string;
  design: string | null;
  design_notes: string | null;
}

export interface EngagementResultsTable {
  organization_id: string;
  engagement_id: string;
  sample_id: string;
  control_ref: string;
  item_key: string;
  result: string;
  description: string | null;
  recorded_by: string;
  recorded_by_email: string | null;
  entered_by: string | null;
  recorded_at: string;
  management_response: string | null;
  responded_by: string | null;
  responded_at: string | null;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  totp_secret: string | null;
  totp_enabled_at: string | null;
  /** The last TOTP time step accepted: a code is good once. */
  totp_last_step: number | null;
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  organization_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

export interface EngagementAssignmentsTable {
  organization_id: string;
  engagement_id: string;
  user_id: string;
  assigned_at: string;
}

export interface InvitationsTable {
  id: string;
  organization_id: string;
  email: string;
  role: string;
  token_hash: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  stage: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string | null;
  address: string | null;
  revoked_at: string | null;
}

export interface ApiTokensTable {
  id: string;
  organization_id: string;
  user_id: string;
  name: string;
  token_hash: string;
  scopes: string;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface PasswordResetsTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SetupTokensTable {
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

export interface OrganizationKeysTable {
  organization_id: string;
  algorithm: string;
  public_key: string;
  private_key: string;
  fingerprint: string;
  created_at: string;
}

export interface ReportDraftsTable {
  engagement_id: string;
  organization_id: string;
  version: number;
  description: string;
  assertion: string | null;
  opinion: string | null;
  other_information: string;
  updated_at: string;
  updated_by: string;
}

export interface ReportVersionsTable {
  id: string;
  organization_id: string;
  engagement_id: string;
  version: number;
  package: string;
  sha256: string;
  issue_date: string;
  finalized_at: string;
  finalized_by: string;
}

export interface ReviewThreadsTable {
  id: string;
  organization_id: string;
  engagement_id: string;
  number: number;
  draft_version: number;
  section: string;
  item: string | null;
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ReviewCommentsTable {
  id: string;
  organization_id: string;
  thread_id: string;
  position: number;
  author: string;
  author_name: string;
  author_role: string;
  body: string;
  action: string;
  created_at: string;
}

export interface ShareLinksTable {
  id: string;
  organization_id: string;
  report_version_id: string;
  token_hash: string;
  recipient: string;
  expires_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
  created_by: string;
  created_at: string;
}

export interface ShareAcceptancesTable {
  id: string;
  organization_id: string;
  link_id: string;
  token_hash: string;
  name: string;
  company: string;
  email: string;
  nda_sha256: string;
  accepted_at: string;
  expires_at: string;
  address: string | null;
  user_agent: string | null;
}

export interface ShareAccessLogTable {
  id: string;
  organization_id: string;
  link_id: string;
  acceptance_id: string | null;
  event: string;
  at: string;
  address: string | null;
  user_agent: string | null;
}

export interface BridgeLettersTable {
  id: string;
  organization_id: string;
  report_version_id: string;
  number: number;
  through: string;
  text: string;
  created_by: string;
  created_at: string;
  approved_by: string | null;
  approved_name: string | null;
  approved_at: string | null;
}

export interface JobSchedulesTable {
  name: string;
  cron: string;
  last_slot: string;
  updated_at: string;
}

export interface JobsTable {
  id: string;
  name: string;
  data: string;
  state: string;
  run_at: string;
  attempt: number;
  max_attempts: number;
  lease_until: string | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface JobRunsTable {
  id: string;
  job_id: string;
  name: string;
  attempt: number;
  instance: string;
  started_at: string;
  finished_at: string | null;
  result: string | null;
  error: string | null;
  summary: string | null;
}

export interface NoticesTable {
  id: string;
  organization_id: string;
  kind: string;
  day: string;
  title: string;
  body: string;
  created_at: string;
  mailed_at: string | null;
}

export interface PoliciesTable {
  id: string;
  organization_id: string;
  number: number;
  template_id: string | null;
  title: string;
  owner: string;
  review_months: number;
  state: string;
  body: string;
  audience: string;
  ack_days: number;
  approved_by: string | null;
  approved_name: string | null;
  approved_at: string | null;
  reviewed_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface PolicyVersionsTable {
  id: string;
  organization_id: string;
  policy_id: string;
  version: number;
  title: string;
  body: string;
  sha256: string;
  approved_by: string;
  approved_name: string;
  approved_at: string;
  published_by: string;
  published_at: string;
  audience: string;
  ack_due_by: string;
}

export interface PolicyAcknowledgementsTable {
  id: string;
  organization_id: string;
  policy_version_id: string;
  user_id: string;
  email: string;
  name: string;
  sha256: string;
  acknowledged_at: string;
  address: string | null;
}

// Risk register (migration 0012).
export interface RisksTable {
  id: string;
  organization_id: string;
  number: number;
  template_id: string | null;
  title: string;
  description: string;
  category: string;
  owner: string | null;
  likelihood: number;
  impact: number;
  treatment: string;
  residual_likelihood: number;
  residual_impact: number;
  review_date: string;
  acceptance_note: string | null;
  created_at: string;
  updated_at: string;
}

export interface FindingImportsTable {
  id: string;
  organization_id: string;
  number: number;
  source: string;
  file_name: string;
  sha256: string;
  counts: string;
  imported_by: string;
  imported_at: string;
}

export interface FindingsTable {
  id: string;
  organization_id: string;
  number: number;
  source: string;
  fingerprint: string;
  rule_id: string;
  rule_title: string;
  severity: string;
  resource: string;
  location: string | null;
  message: string;
  tool: string;
  occurred_at: string | null;
  first_seen_at: string;
  last_seen_at: string;
  due_on: string | null;
  status: string;
  triage_decision: string | null;
  triage_reason: string | null;
  triaged_by: string | null;
  triaged_at: string | null;
  detail: string;
  last_import_id: string;
}

export interface RiskControlsTable {
  organization_id: string;
  risk_id: string;
  control_id: string;
}

export interface RiskAssessmentsTable {
  id: string;
  organization_id: string;
  number: number;
  held_on: string;
  participants: string;
  snapshot: string;
  sha256: string;
  evidence_id: string;
  recorded_by: string;
  created_at: string;
}

// Access reviews (migration 0023).
export interface AccessReviewsTable {
  id: string;
  organization_id: string;
  number: number;
  name: string;
  period_from: string;
  period_to: string;
  due_on: string;
  reviewers: string;
  status: string;
  started_by: string;
  created_at: string;
  completed_on: string | null;
  completed_at: string | null;
  completed_by: string | null;
  snapshot: string | null;
  sha256: string | null;
  evidence_id: string | null;
}

export interface AccessReviewSystemsTable {
  id: string;
  organization_id: string;
  review_id: string;
  name: string;
  file_sha256: string | null;
  imported_by: string | null;
  imported_at: string | null;
}

export interface AccessReviewAccountsTable {
  id: string;
  organization_id: string;
  review_id: string;
  system_id: string;
  line: number;
  account: string;
  email: string;
  privileged: number;
  person_id: string | null;
  flags: string;
  decision: string | null;
  comment: string | null;
  decided_by: string | null;
  decided_at: string | null;
  done_at: string | null;
  done_by: string | null;
  done_evidence_id: string | null;
  done_note: string | null;
}

export interface AuditRequestsTable {
  id: string;
  organization_id: string;
  engagement_id: string;
  number: number;
  control_ref: string | null;
  item_key: string | null;
  description: string;
  addressee: string;
  due_on: string;
  status: string;
  return_reason: string | null;
  opened_by: string;
  opened_at: string;
  answered_at: string | null;
  decided_by: string | null;
  decided_at: string | null;
  reminded_on: string | null;
  updated_at: string;
}

export interface AuditRequestEvidenceTable {
  organization_id: string;
  request_id: string;
  evidence_id: string;
  linked_by: string;
  linked_at: string;
}

export interface AuditRequestCommentsTable {
  id: string;
  organization_id: string;
  request_id: string;
  author: string;
  side: string;
  body: string;
  created_at: string;
}

export interface PopulationImportsTable {
  id: string;
  organization_id: string;
  engagement_id: string;
  control_ref: string;
  number: number;
  format: string;
  file_name: string | null;
  source_system: string;
  source_query: string | null;
  ran_by: string;
  ran_at: string;
  completeness: string;
  reason: string | null;
  row_count: number;
  first_date: string | null;
  last_date: string | null;
  rows_sha256: string;
  status: string;
  imported_by: string;
  /** The importer's account (migration 0022); null for imports made before. */
  imported_by_email: string | null;
  imported_at: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  return_reason: string | null;
}

export interface PopulationRowsTable {
  import_id: string;
  organization_id: string;
  line: number;
  key: string;
  occurred_on: string;
  label: string;
}

// Security awareness training (migration 0018).
export interface TrainingCompletionsTable {
  id: string;
  organization_id: string;
  email: string;
  user_id: string | null;
  name: string;
  module_id: string;
  module_version: number;
  module_sha256: string;
  completed_on: string;
  recorded_at: string;
  score: number | null;
  passed: number;
  source: string;
  evidence_id: string | null;
  recorded_by: string;
}

// Vendors (migration 0019).
export interface VendorsTable {
  id: string;
  organization_id: string;
  number: number;
  name: string;
  service: string;
  data_shared: string;
  tier: number;
  owner: string | null;
  contract_start: string | null;
  contract_end: string | null;
  subservice: string | null;
  relied_controls: string;
  website: string;
  notes: string;
  created_at: string;
  updated_at: string;
}

// People register, onboarding and offboarding steps, background checks (migration 0017).
export interface PeopleTable {
  id: string;
  organization_id: string;
  email: string;
  employee_id: string | null;
  name: string;
  title: string;
  department: string;
  manager_email: string | null;
  start_date: string | null;
  end_date: string | null;
  type: string;
  created_at: string;
  updated_at: string;
}

export interface PersonStepsTable {
  id: string;
  organization_id: string;
  person_id: string;
  checklist: string;
  step: string;
  anchor_date: string;
  due_by: string;
  owner: string | null;
  completed_at: string | null;
  completed_by: string | null;
  completed_name: string | null;
  evidence_id: string | null;
  note: string | null;
  created_at: string;
}

export interface BackgroundChecksTable {
  id: string;
  organization_id: string;
  person_id: string;
  status: string;
  checked_on: string | null;
  provider: string;
  evidence_id: string | null;
  recorded_by: string;
  created_at: string;
  updated_at: string;
}

// Notifications (migration 0020).
export interface NotificationChannelsTable {
  id: string;
  organization_id: string;
  number: number;
  kind: string;
  url: string;
  url_hint: string;
  secret: string | null;
  created_by: string;
  created_at: string;
  removed_at: string | null;
}

export interface NotificationPreferencesTable {
  organization_id: string;
  user_id: string;
  channel: string;
  kind: string;
  enabled: number;
  updated_at: string;
}

export interface NotificationDeliveriesTable {
  id: string;
  organization_id: string;
  channel: string;
  channel_id: string | null;
  target: string;
  kind: string;
  payload: string;
  status: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface VendorReportsTable {
  id: string;
  organization_id: string;
  number: number;
  vendor_id: string;
  type: string;
  period_from: string;
  period_to: string;
  opinion: string | null;
  evidence_id: string;
  bridge_evidence_id: string | null;
  bridge_from: string | null;
  bridge_to: string | null;
  added_by: string;
  created_at: string;
}

export interface VendorCuecsTable {
  id: string;
  organization_id: string;
  number: number;
  report_id: string;
  text: string;
}

export interface VendorCuecControlsTable {
  organization_id: string;
  cuec_id: string;
  control_id: string;
}

export interface VendorReviewsTable {
  id: string;
  organization_id: string;
  number: number;
  vendor_id: string;
  reviewed_on: string;
  tier: number;
  checked: string;
  outcome: string;
  notes: string;
  evidence_id: string;
  reviewed_by: string;
  created_at: string;
}

// The auditor's workpapers (migration 0015).
export interface WorkpaperStepsTable {
  organization_id: string;
  engagement_id: string;
  control_ref: string;
  steps: string;
  updated_by: string;
  updated_at: string;
}

export interface WorkpaperItemsTable {
  organization_id: string;
  engagement_id: string;
  control_ref: string;
  item_key: string;
  attributes: string;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface WorkpaperAttachmentsTable {
  id: string;
  organization_id: string;
  engagement_id: string;
  control_ref: string;
  item_key: string | null;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  uploaded_by: string;
  uploaded_by_email: string | null;
  uploaded_at: string;
}

// The availability monitor (migration 0026).
export interface MonitorEndpointsTable {
  id: string;
  organization_id: string;
  number: number;
  name: string;
  url: string;
  expected_status: number;
  interval_minutes: number;
  timeout_seconds: number;
  target_basis_points: number;
  created_by: string;
  created_at: string;
  removed_at: string | null;
}

export interface MonitorStatusTable {
  endpoint_id: string;
  organization_id: string;
  state: string;
  state_since: string;
  last_probe_at: string;
  last_status: number | null;
  last_latency_ms: number | null;
  last_error: string | null;
}

export interface MonitorProbesTable {
  id: string;
  organization_id: string;
  endpoint_id: string;
  probed_at: string;
  up: number;
  status: number | null;
  latency_ms: number | null;
  error: string | null;
}

export interface MonitorMonthsTable {
  organization_id: string;
  endpoint_id: string;
  month: string;
  probes: number;
  up: number;
  evidence_id: string | null;
  filed_at: string;
}

export interface Database {
  organizations: OrganizationsTable;
  organization_categories: OrganizationCategoriesTable;
  criterion_exclusions: CriterionExclusionsTable;
  controls: ControlsTable;
  control_criteria: ControlCriteriaTable;
  audit_events: AuditEventsTable;
  criterion_texts: CriterionTextsTable;
  evidence_items: EvidenceItemsTable;
  evidence_controls: EvidenceControlsTable;
  blobs: BlobsTable;
  blob_chunks: BlobChunksTable;
  engagements: EngagementsTable;
  engagement_samples: EngagementSamplesTable;
  engagement_tests: EngagementTestsTable;
  engagement_results: EngagementResultsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  engagement_assignments: EngagementAssignmentsTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  password_resets: PasswordResetsTable;
  setup_tokens: SetupTokensTable;
  login_throttle: LoginThrottleTable;
  organization_keys: OrganizationKeysTable;
  report_drafts: ReportDraftsTable;
  report_versions: ReportVersionsTable;
  review_threads: ReviewThreadsTable;
  review_comments: ReviewCommentsTable;
  share_links: ShareLinksTable;
  share_acceptances: ShareAcceptancesTable;
  share_access_log: ShareAccessLogTable;
  bridge_letters: BridgeLettersTable;
  job_schedules: JobSchedulesTable;
  jobs: JobsTable;
  job_runs: JobRunsTable;
  notices: NoticesTable;
  policies: PoliciesTable;
  policy_versions: PolicyVersionsTable;
  policy_acknowledgements: PolicyAcknowledgementsTable;
  // Risk register (migration 0012).
  risks: RisksTable;
  risk_controls: RiskControlsTable;
  risk_assessments: RiskAssessmentsTable;
  // The auditor's request list (migration 0013).
  audit_requests: AuditRequestsTable;
  audit_request_evidence: AuditRequestEvidenceTable;
  audit_request_comments: AuditRequestCommentsTable;
  // Imported populations (migration 0014).
  population_imports: PopulationImportsTable;
  population_rows: PopulationRowsTable;
  // Security awareness training (migration 0018).
  training_completions: TrainingCompletionsTable;
  // Vendors (migration 0019).
  vendors: VendorsTable;
  vendor_reports: VendorReportsTable;
  vendor_cuecs: VendorCuecsTable;
  vendor_cuec_controls: VendorCuecControlsTable;
  vendor_reviews: VendorReviewsTable;
  // Notifications (migration 0020).
  notification_channels: NotificationChannelsTable;
  notification_preferences: NotificationPreferencesTable;
  notification_deliveries: NotificationDeliveriesTable;
  // People register (migration 0017).
  people: PeopleTable;
  person_steps: PersonStepsTable;
  background_checks: BackgroundChecksTable;
  finding_imports: FindingImportsTable;
  findings: FindingsTable;
  // The auditor's workpapers (migration 0015).
  workpaper_steps: WorkpaperStepsTable;
  workpaper_items: WorkpaperItemsTable;
  workpaper_attachments: WorkpaperAttachmentsTable;
  // The availability monitor (migration 0026).
  monitor_endpoints: MonitorEndpointsTable;
  monitor_status: MonitorStatusTable;
  monitor_probes: MonitorProbesTable;
  monitor_months: MonitorMonthsTable;
  // Access reviews (migration 0023).
  access_reviews: AccessReviewsTable;
  access_review_systems: AccessReviewSystemsTable;
  access_review_accounts: AccessReviewAccountsTable;
}
