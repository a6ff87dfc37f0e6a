/** Controls: list with filters, detail with history, create, change, and map to criteria. */
import { z } from "zod";
import { control, controlDetail, controlPage } from "../../contracts/controls.ts";
import { controlOwnersOutcome } from "../../contracts/notifications.ts";
import {
  assignControlOwners,
  controlOwnersInput,
} from "../../services/program/control-owners.service.ts";
import {
  createControl,
  createControlInput,
  mapControl,
  showControl,
  unmapControl,
  updateControl,
  updateControlInput,
} from "../../services/program/controls.service.ts";
import { listControlsPage } from "../../services/program/controls-read.ts";
import { can } from "../../domain/permissions.ts";
import { listEvidence } from "../../services/program/evidence.service.ts";
import { serviceInput } from "../body.ts";
import { pageQuery } from "../pagination.ts";
import { orgRoute } from "../route.ts";
import type { Router } from "../route.ts";

const refParam = { ref: z.string().min(1).max(40) };
const text = z.string().max(200).optional();

export function registerControlRoutes(router: Router): void {
  const { ctx } = router;
  orgRoute(router, {
    method: "GET",
    url: "/controls",
    tag: "controls",
    summary: "Controls, filtered by status, criterion, owner or words",
    response: controlPage,
    reuse: true,
    query: { status: text, criterion: text, owner: text, q: text, ...pageQuery },
    handler: async ({ actor, query }) => {
      const { cursor, limit, ...filter } = query;
      return listControlsPage(ctx, actor, filter, { cursor, limit });
    },
  });
  orgRoute(router, {
    method: "POST",
    url: "/controls",
    tag: "controls",
    summary: "Create a control of our own",
    response: control,
    body: createControlInput,
    status: 201,
    handler: async ({ actor, body }) => createControl(ctx, actor, serviceInput(body)),
  });
  orgRoute(router, {
    method: "POST",
    url: "/controls/owners",
    tag: "controls",
    summary:
      "Assign control owners in bulk: every control suggesting a role to one member, or a CSV of ref,email",
    response: controlOwnersOutcome,
    body: controlOwnersInput,
    handler: async ({ actor, body }) => assignControlOwners(ctx, actor, serviceInput(body)),
  });
  orgRoute(router, {
    method: "GET",
    url: "/controls/:ref",
    tag: "controls",
    summary: "A control with its history and evidence",
    response: controlDetail,
    params: refParam,
    handler: async ({ actor, params }) => {
      const shown = await showControl(ctx, actor, params.ref);
      const evidence = can(actor, "evidence:read")
        ? await listEvidence(ctx, actor, { control: shown.control.ref })
        : [];
      return { ...shown, evidence };
    },
  });
  orgRoute(router, {
    method: "PATCH",
    url: "/controls/:ref",
    tag: "controls",
    summary: "Change a control (status, owner, wording, frequency…)",
    response: control,
    params: refParam,
    body: updateControlInput,
    handler: async ({ actor, params, body }) =>
      updateControl(ctx, actor, params.ref, serviceInput(body)),
  });
  orgRoute(router, {
    method: "PUT",
    url: "/controls/:ref/criteria/:criterion",
    tag: "controls",
    summary: "Map the control to a criterion",
    response: control,
    params: { ...refParam, criterion: z.string().min(1).max(20) },
    handler: async ({ actor, params }) =>
      mapControl(ctx, actor, params.ref, { criterion: params.criterion }),
  });
  orgRoute(router, {
    method: "DELETE",
    url: "/controls/:ref/criteria/:criterion",
    tag: "controls",
    summary: "Remove the control's mapping to a criterion",
    response: control,
    params: { ...refParam, criterion: z.string().min(1).max(20) },
    handler: async ({ actor, params }) =>
      unmapControl(ctx, actor, params.ref, { criterion: params.criterion }),
  });
}
