import { Anchor, Box, Center, Container, Group, Paper, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";

/** Pages reached before signing in: the brand in a header, one card in the main landmark. */
export function PublicLayout({ children, width = 440 }: { children: ReactNode; width?: number }) {
  return (
    <Box mih="100vh" bg="gray.0">
      <Box
        component="header"
        py="md"
        px="lg"
        bg="white"
        style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}
      >
        <Group>
          <Anchor component={Link} to="/" fw={700} size="lg" c="dark" underline="never">
            Attest
          </Anchor>
          <Text size="sm" c="dimmed">
            SOC 2 readiness and audits
          </Text>
        </Group>
      </Box>
      <Container component="main" size={width} py={48}>
        <Center>
          <Paper withBorder shadow="xs" p="xl" radius="md" w="100%">
            {children}
          </Paper>
        </Center>
      </Container>
    </Box>
  );
}
