import "@mantine/core/styles.css";
import "./app/global.css";
import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { setUnauthenticatedHandler } from "./api/client.ts";
import { createQueryClient } from "./app/query-client.ts";
import { createAppRouter, isPublicPath } from "./app/router.tsx";
import { cssVariablesResolver, theme } from "./app/theme.ts";
import { storeSession } from "./features/session/api.ts";

const queryClient = createQueryClient();
const router = createAppRouter();

// Any 401 from a signed-in page means the session ended (expired, revoked elsewhere).
setUnauthenticatedHandler(() => {
  storeSession(queryClient, null);
  const { pathname, search } = router.state.location;
  if (!isPublicPath(pathname)) {
    void router.navigate(`/login?next=${encodeURIComponent(`${pathname}${search}`)}`, {
      replace: true,
    });
  }
});

const container = document.getElementById("root");
if (container === null) throw new Error("index.html has no #root element");

createRoot(container).render(
  <StrictMode>
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="light"
    >
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
