import { Anchor, Group, Paper, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { QueryView } from "../../lib/feedback.tsx";
import { usePeople } from "../people/api.ts";
import { OverdueSteps } from "../people/OverdueSteps.tsx";

const SHOWN = 5;

/** Overdue onboarding and offboarding steps: shown only once the register is kept here. */
export function JoinersAndLeaversCard({ org }: { org: string }) {
  const register = usePeople(org);
  if (register.data !== undefined && register.data.items.length === 0) return null;
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h4" mb="sm">
        Joiners and leavers
      </Title>
      <QueryView query={register}>
        {(data) => (
          <>
            <Group gap="lg" mb="sm">
              <Text fw={600} c={data.overdue.length > 0 ? "red.9" : undefined}>
                {data.overdue.length} overdue {data.overdue.length === 1 ? "step" : "steps"}
              </Text>
              <Anchor component={Link} to={`/orgs/${org}/people`}>
                People register
              </Anchor>
            </Group>
            <OverdueSteps org={org} steps={data.overdue.slice(0, SHOWN)} />
          </>
        )}
      </QueryView>
    </Paper>
  );
}
