import { Anchor, Box, Group } from "@mantine/core";
import { Link } from "react-router";

/** The brand bar for full-page flows outside the app shell. */
export function PublicLayoutHeader() {
  return (
    <Box
      component="header"
      py="md"
      px="lg"
      style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}
    >
      <Group>
        <Anchor component={Link} to="/" fw={700} size="lg" c="dark" underline="never">
          Attest
        </Anchor>
      </Group>
    </Box>
  );
}
