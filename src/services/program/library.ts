/**
 * Adopting the control library: copy every template that touches the organization's scope,
 * mapped only to criteria in scope. Run again when categories are added, it adds the new
 * controls, and maps controls already adopted to the new categories' criteria only: a mapping
 * the company removed on purpose in a category it already had stays removed.
 */
import { criteriaInCategories } from "../../catalog/index.ts";
import { CONTROL_TEMPLATES } from "../../catalog/controls/index.ts";
import type { CategoryId, ControlTemplate } from "../../catalog/index.ts";
import { insertControls, insertMappings, listControls } from "../../db/controls.repo.ts";
import type { Mapping } from "../../db/controls.repo.ts";
import { newId } from "../../db/portable.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import type { Control } from "../../domain/control.ts";
import { recordEvent } from "../platform/audit.ts";

export interface AdoptionResult {
  created: string[];
  mapped: { ref: string; criteria: string[] }[];
}

function controlFromTemplate(template: ControlTemplate, criteria: string[], at: string): Control {
  return {
    id: newId(),
    ref: template.id,
    templateId: template.id,
    title: template.title,
    description: template.description,
    kind: template.kind,
    automation: template.automation,
    frequency: template.frequency,
    ownerRole: template.ownerRole,
    owner: null,
    status: "not-started",
    statusReason: null,
    suggestedEvidence: [...template.suggestedEvidence],
    testProcedure: template.testProcedure,
    version: 1,
    criteria,
    createdAt: at,
    updatedAt: at,
  };
}

export async function adoptLibrary(
  tx: Tx,
  actor: Actor,
  categories: readonly CategoryId[],
  at: Date,
  addedCategories: readonly CategoryId[] = categories,
): Promise<AdoptionResult> {
  const scope = scopeOf(actor);
  const inScope = new Set(criteriaInCategories(categories).map((criterion) => criterion.id));
  const added = new Set(criteriaInCategories(addedCategories).map((criterion) => criterion.id));
  const existing = new Map((await listControls(tx, scope)).map((c) => [c.ref, c]));
  const stamp = at.toISOString();
  const created: Control[] = [];
  const mapped: AdoptionResult["mapped"] = [];
  const newMappings: Mapping[] = [];

  for (const template of CONTROL_TEMPLATES) {
    const criteria = template.criteria.filter((id) => inScope.has(id));
    if (criteria.length === 0) continue;
    const current = existing.get(template.id);
    if (current === undefined) {
      created.push(controlFromTemplate(template, criteria, stamp));
    } else if (current.templateId === template.id) {
      const missing = criteria.filter((id) => added.has(id) && !current.criteria.includes(id));
      if (missing.length > 0) {
        mapped.push({ ref: current.ref, criteria: missing });
        newMappings.push(...missing.map((criterionId) => ({ controlId: current.id, criterionId })));
      }
    }
    // A company control that happens to use a template's ref is theirs: leave it alone.
  }

  await insertControls(tx, scope, created);
  await insertMappings(tx, scope, newMappings, stamp);
  for (const control of created) {
    await recordEvent(
      tx,
      actor,
      "control.adopted",
      control.ref,
      { template: control.templateId, criteria: control.criteria },
      at,
    );
  }
  for (const item of mapped) {
    await recordEvent(
      tx,
      actor,
      "control.mapped",
      item.ref,
      { criteria: item.criteria, by: "library" },
      at,
    );
  }
  return { created: created.map((control) => control.ref), mapped };
}
