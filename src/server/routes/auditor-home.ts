/** The auditor's home: the caller's engagements, with progress and the next items to test. */
import { auditorHome } from "../../contracts/auditor-home.ts";
import { auditorHome as readAuditorHome } from "../../services/fieldwork/auditor-home.service.ts";
import { orgRoute } from "../route.ts";
import type { Router } from "../route.ts";

export function registerAuditorHomeRoutes(router: Router): void {
  const { ctx } = router;
  orgRoute(router, {
    method: "GET",
    url: "/auditor-home",
    tag: "engagements",
    summary:
      "The caller's engagements (an auditor's: those assigned to them), each with progress, " +
      "open requests and the next sampled items waiting for a result",
    response: auditorHome,
    handler: async ({ actor }) => ({ items: await readAuditorHome(ctx, actor) }),
  });
}
