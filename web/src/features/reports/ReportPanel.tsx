import {
  Alert,
  Anchor,
  Badge,
  Grid,
  Group,
  List,
  Paper,
  Stack,
  Tabs,
  Text,
  Title,
} from "@mantine/core";
import { Link, useSearchParams } from "react-router";
import { ENGAGEMENT_STATUSES } from "../../api/types.ts";
import type { DescriptionGap, Engagement, ReportDraftView } from "../../api/types.ts";
import { QueryView } from "../../lib/feedback.tsx";
import { formatDateTime, formatDay } from "../../lib/format.ts";
import type { CurrentOrg } from "../session/useCurrentOrg.ts";
import { useReportDraft, useThreads, useVersions } from "./api.ts";
import { BridgeLetters } from "./BridgeLetters.tsx";
import { DescriptionEditor } from "./DescriptionEditor.tsx";
import { DescriptionView } from "./DescriptionView.tsx";
import { AssertionSection, OtherInformationSection, ReadinessNotice } from "./DraftSections.tsx";
import { OpinionSection } from "./OpinionSection.tsx";
import { EvidenceBundle } from "./EvidenceBundle.tsx";
import { ReviewThreads } from "./ReviewThreads.tsx";
import { Sharing } from "./Sharing.tsx";
import { SECTION_NAMES } from "./labels.ts";
import { DownloadLinks, FinalizeForm, VersionsTable } from "./Versions.tsx";

const PARTS = ["opinion", "description", "other", "review", "versions", "bridge"] as const;
type Part = (typeof PARTS)[number];

const atOrAfter = (engagement: Engagement, status: Engagement["status"]) =>
  ENGAGEMENT_STATUSES.indexOf(engagement.status) >= ENGAGEMENT_STATUSES.indexOf(status);

/** The engagement's report package: the draft's sections, review, versions and sharing. */
export function ReportPanel({ org, engagement }: { org: CurrentOrg; engagement: Engagement }) {
  const draft = useReportDraft(org.slug, engagement.id);
  return (
    <QueryView query={draft} lines={8}>
      {(view) => <ReportBody org={org} view={view} />}
    </QueryView>
  );
}

function ReportBody({ org, view }: { org: CurrentOrg; view: ReportDraftView }) {
  const { engagement, package: pkg } = view;
  const [params, setParams] = useSearchParams();
  const part: Part = PARTS.find((p) => p === params.get("part")) ?? "opinion";
  const versions = useVersions(org.slug, engagement.id);
  const threads = useThreads(org.slug, engagement.id);
  const unresolved = (threads.data ?? []).filter((t) => t.status !== "resolved").length;
  const finals = versions.data ?? [];
  const coverageEnd = (engagement.type === 1 ? engagement.asOf : engagement.periodTo) ?? "";
  const canEdit = org.can("report:edit");
  const canApprove = org.can("report:approve");
  return (
    <Stack gap="lg">
      {pkg.opinion === null ? <ReadinessNotice /> : null}
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Completeness
            gaps={pkg.descriptionGaps}
            org={org.slug}
            version={pkg.version}
            generatedAt={pkg.generatedAt}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="lg" radius="md" h="100%">
            <Title order={2} size="h4" mb="sm">
              {org.can("report:finalize") ? "Finalize" : "Draft"}
            </Title>
            <Stack gap="md">
              {finals[0] === undefined ? null : (
                <Text size="sm">
                  Version {finals[0].version} is final, issued {formatDay(finals[0].issueDate)}.
                  Changes to the draft become version {pkg.version}.
                </Text>
              )}
              {org.can("report:finalize") ? (
                <FinalizeForm
                  org={org.slug}
                  engagementId={engagement.id}
                  draftVersion={pkg.version}
                  opinionDate={pkg.opinion?.date ?? null}
                  ready={atOrAfter(engagement, "draft-report")}
                />
              ) : null}
              <div>
                <Text fw={600} size="sm" mb={4}>
                  Download the draft (version {pkg.version})
                </Text>
                <DownloadLinks org={org.slug} engagementId={engagement.id} version="draft" />
              </div>
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
      <Tabs
        value={part}
        variant="pills"
        onChange={(value) =>
          setParams(
            (current) => {
              const next = new URLSearchParams(current);
              next.set("part", value ?? "opinion");
              return next;
            },
            { replace: true },
          )
        }
      >
        <Tabs.List mb="md" aria-label="Parts of the report">
          <Tabs.Tab value="opinion">Opinion and assertion</Tabs.Tab>
          <Tabs.Tab value="description">Description</Tabs.Tab>
          <Tabs.Tab value="other">Other information</Tabs.Tab>
          <Tabs.Tab
            value="review"
            rightSection={
              unresolved > 0 ? (
                <Badge
                  size="sm"
                  variant="filled"
                  color="blue"
                  aria-label={`${unresolved} not resolved`}
                >
                  {unresolved}
                </Badge>
              ) : null
            }
          >
            Review threads
          </Tabs.Tab>
          <Tabs.Tab value="versions">Versions and sharing</Tabs.Tab>
          <Tabs.Tab value="bridge">Bridge letters</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="opinion">
          <Stack>
            {pkg.voidedSignOffs.length === 0 ? null : (
              <Alert color="yellow" title="The draft changed after it was signed off">
                <List size="sm">
                  {pkg.voidedSignOffs.map((words) => (
                    <List.Item key={words}>{words}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <OpinionSection
              org={org.slug}
              engagementId={engagement.id}
              opinion={pkg.opinion}
              contentSha256={pkg.contentSha256}
              criteria={pkg.criteria.map((c) => c.id)}
              coverageEnd={coverageEnd}
              canRecord={org.can("report:opinion")}
              afterFieldwork={atOrAfter(engagement, "draft-report")}
            />
            <AssertionSection
              org={org.slug}
              engagementId={engagement.id}
              assertion={pkg.assertion}
              contentSha256={pkg.contentSha256}
              canEdit={canEdit}
              canApprove={canApprove}
            />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="description">
          <Paper withBorder p="lg" radius="md">
            <Title order={3} size="h4" mb="sm">
              Section III · {SECTION_NAMES.III}
            </Title>
            {canEdit ? (
              <DescriptionEditor
                org={org.slug}
                engagementId={engagement.id}
                description={pkg.description}
                type={engagement.type}
                subservicesFromVendors={view.subservicesFromVendors}
              />
            ) : (
              <DescriptionView description={pkg.description} type={engagement.type} />
            )}
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="other">
          <OtherInformationSection
            org={org.slug}
            engagementId={engagement.id}
            text={pkg.otherInformation}
            canEdit={canEdit}
          />
        </Tabs.Panel>
        <Tabs.Panel value="review">
          <ReviewThreads
            org={org.slug}
            engagementId={engagement.id}
            canReview={org.can("report:review")}
          />
        </Tabs.Panel>
        <Tabs.Panel value="versions">
          <Stack>
            <Paper withBorder p="lg" radius="md">
              <Title order={3} size="h4" mb="sm">
                Final versions
              </Title>
              <VersionsTable org={org.slug} engagementId={engagement.id} />
            </Paper>
            {org.can("report:share") && versions.data !== undefined ? (
              <Sharing org={org.slug} engagementId={engagement.id} versions={finals} />
            ) : null}
            <EvidenceBundle org={org.slug} engagementId={engagement.id} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="bridge">
          <BridgeLetters
            org={org.slug}
            engagementId={engagement.id}
            hasFinal={finals.length > 0}
            coverageEnd={coverageEnd}
            canEdit={canEdit}
            canApprove={canApprove}
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** DC1–DC9: what the description criteria still ask for, or that nothing is missing. */
function Completeness({
  gaps,
  org,
  version,
  generatedAt,
}: {
  gaps: DescriptionGap[];
  org: string;
  version: number;
  generatedAt: string;
}) {
  const complete = gaps.length === 0;
  return (
    <Paper withBorder p="lg" radius="md" h="100%">
      <Group justify="space-between" align="flex-start" mb="sm">
        <Title order={2} size="h4">
          Completeness
        </Title>
        <Text size="sm" c="dimmed">
          Draft version {version}, as of {formatDateTime(generatedAt)}
        </Text>
      </Group>
      <Group gap="sm" mb="sm">
        <Badge size="lg" variant="light" color={complete ? "green" : "orange"} tt="none">
          {complete
            ? "Description complete"
            : `Draft — ${gaps.length} ${gaps.length === 1 ? "item" : "items"} missing`}
        </Badge>
      </Group>
      {complete ? (
        <Text>Each of the description criteria DC1 to DC9 has what it asks for.</Text>
      ) : (
        <List spacing={4} size="sm">
          {gaps.map((gap, index) => (
            <List.Item key={`${gap.criterion}-${index}`}>
              <strong>{gap.criterion}</strong>: {gap.missing}
              {gap.criterion === "DC5" ? (
                <>
                  {" "}
                  (
                  <Anchor component={Link} to={`/orgs/${org}/controls`} size="sm">
                    controls
                  </Anchor>
                  )
                </>
              ) : gap.criterion === "DC8" ? (
                <>
                  {" "}
                  (
                  <Anchor component={Link} to={`/orgs/${org}/criteria`} size="sm">
                    criteria
                  </Anchor>
                  )
                </>
              ) : null}
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}
