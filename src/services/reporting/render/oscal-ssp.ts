/**
 * The system description as an OSCAL 1.2.1 system security plan. SOC 2 has no NIST-published
 * catalog, so the plan's profile is a back-matter resource naming the trust services criteria,
 * and control ids are the criteria ids in lower case ("cc6.1"). What OSCAL has no field for
 * (report state, frequencies, subservice methods) travels as properties in Attest's namespace.
 */
import type {
  ComplementaryControl,
  ComponentKind,
  PackageCriterion,
  ReportPackage,
  SystemComponent,
} from "../../../domain/report.ts";
import { criteriaInCategories } from "../../../catalog/index.ts";
import { periodPhrase } from "../../../domain/report.ts";
import { categoryList, reportTypeLabel } from "./report-wording.ts";
import type { Draft, JsonObject, OscalOptions } from "./oscal-common.ts";
import {
  defaultOptions,
  keyMaker,
  line,
  md,
  metadata,
  periodProps,
  prop,
  pruneDocument,
} from "./oscal-common.ts";

const OPERATIONAL = { state: "operational" };

/** OSCAL component types for the description's component kinds (people and data go elsewhere). */
const COMPONENT_TYPES: Partial<Record<ComponentKind, string>> = {
  infrastructure: "hardware",
  software: "software",
  procedures: "process-procedure",
};

function ownedBy(c: SystemComponent): Draft[] {
  return [prop("owner", c.owner)];
}

function complementary(list: readonly ComplementaryControl[], criterionId: string): string[] {
  return list.filter((c) => c.criteria.includes(criterionId)).map((c) => c.text);
}

export function toOscalSsp(pkg: ReportPackage, options?: OscalOptions): JsonObject {
  const { uuidFor } = options ?? defaultOptions(pkg);
  const d = pkg.description;
  const key = keyMaker();
  const systemName = line(pkg.organization.systemName, "Unnamed system");
  const { metadata: meta } = metadata(
    pkg,
    `${systemName}: system description for a ${reportTypeLabel(pkg.engagement.type)}, ` +
      periodPhrase(pkg.engagement),
    uuidFor,
  );
  const profileUuid = uuidFor("resource/trust-services-criteria");
  const thisSystem = uuidFor("component/this-system");

  const components: Draft[] = [
    {
      uuid: thisSystem,
      type: "this-system",
      title: systemName,
      description: md(d.services),
      status: OPERATIONAL,
    },
  ];
  for (const kind of ["infrastructure", "software", "procedures"] as const) {
    for (const c of d.components[kind]) {
      components.push({
        uuid: uuidFor(key(`component/${kind}/${c.name}`)),
        type: COMPONENT_TYPES[kind] ?? "system",
        title: line(c.name, `Unnamed ${kind} component`),
        description: md(c.description),
        props: [prop("component-kind", kind), ...ownedBy(c)],
        status: OPERATIONAL,
      });
    }
  }
  // Subservice organizations are services the system relies on; OSCAL's leveraged
  // authorizations would need an authorization date that a SOC 2 description does not have.
  const subservices = d.subservices.map((s) => {
    const uuid = uuidFor(key(`component/subservice/${s.name}`));
    components.push({
      uuid,
      type: "service",
      title: line(s.name, "Unnamed subservice organization"),
      description: md(s.services),
      props: [
        prop("subservice-organization", "yes"),
        prop("subservice-method", s.method),
        ...s.csocs.map((c) => prop("csoc", c.text)),
      ],
      status: OPERATIONAL,
      remarks:
        s.csocs.length === 0
          ? undefined
          : md(
              "Controls expected of this subservice organization (CSOCs):\n\n" +
                s.csocs.map((c) => `- ${c.text} (${c.criteria.join(", ")})`).join("\n"),
            ),
    });
    return { s, uuid };
  });

  const users: Draft[] = d.components.people.map((p) => ({
    uuid: uuidFor(key(`user/${p.name}`)),
    title: line(p.name, "Unnamed group"),
    description: md(p.description),
    props: ownedBy(p),
  }));

  const informationTypes: Draft[] =
    d.components.data.length === 0
      ? [
          {
            uuid: uuidFor("information-type/not-described"),
            title: "Data not yet described",
            description: md("The description does not list the system's data yet (DC3)."),
          },
        ]
      : d.components.data.map((c) => ({
          uuid: uuidFor(key(`information-type/${c.name}`)),
          title: line(c.name, "Unnamed data"),
          description: md(c.description),
          props: ownedBy(c),
        }));

  const requirement = (c: PackageCriterion): Draft => {
    const controls = c.controls.map(
      (x) => `- ${x.ref} ${x.title} (${x.frequency}, ${x.automation})`,
    );
    const cuecs = complementary(d.cuecs, c.id);
    const byComponents: Draft[] = [
      {
        "component-uuid": thisSystem,
        uuid: uuidFor(`by-component/${c.id}/this-system`),
        description: md(
          controls.length === 0
            ? "No control is mapped to this criterion yet."
            : `Controls addressing ${c.id}:\n\n${controls.join("\n")}`,
        ),
        props: c.controls.map((x) => prop("control-ref", x.ref)),
        // Complementary user entity controls are what OSCAL calls customer responsibilities.
        export:
          cuecs.length === 0
            ? undefined
            : {
                responsibilities: cuecs.map((text, i) => ({
                  uuid: uuidFor(`responsibility/${c.id}/${i}`),
                  description: md(text),
                  props: [prop("complementary-control", "cuec")],
                })),
              },
      },
      ...subservices.flatMap(({ s, uuid }) => {
        const csocs = complementary(s.csocs, c.id);
        if (csocs.length === 0) return [];
        return [
          {
            "component-uuid": uuid,
            uuid: uuidFor(`by-component/${c.id}/${uuid}`),
            description: md(
              `Expected of ${s.name} (${s.method}):\n\n${csocs.map((t) => `- ${t}`).join("\n")}`,
            ),
            props: [prop("subservice-method", s.method), prop("complementary-control", "csoc")],
          },
        ];
      }),
    ];
    return {
      uuid: uuidFor(`requirement/${c.id}`),
      "control-id": c.id.toLowerCase(),
      props: [prop("criterion-id", c.id), prop("criterion-label", c.label)],
      "by-components": byComponents,
    };
  };

  const notRelevant = (n: ReportPackage["notRelevant"][number]): Draft => ({
    uuid: uuidFor(`requirement/${n.criterionId}`),
    "control-id": n.criterionId.toLowerCase(),
    props: [prop("criterion-id", n.criterionId), prop("applicability", "not-relevant")],
    "by-components": [
      {
        "component-uuid": thisSystem,
        uuid: uuidFor(`by-component/${n.criterionId}/this-system`),
        description: md(n.reason, "No reason given yet."),
        "implementation-status": {
          state: "not-applicable",
          remarks: md(n.reason, "No reason given yet."),
        },
      },
    ],
  });

  // OSCAL needs at least one requirement; a package listing no criteria yet still has the
  // criteria of its categories in scope, each with no control mapped.
  const criteria: PackageCriterion[] =
    pkg.criteria.length > 0
      ? pkg.criteria
      : criteriaInCategories(["security", ...pkg.engagement.categories]).map((c) => ({
          id: c.id,
          label: c.label,
          category: c.category,
          conclusion: "not-tested",
          controls: [],
        }));
  const inScope = new Set(criteria.map((c) => c.id));
  return pruneDocument("system-security-plan", {
    uuid: uuidFor(`ssp/v${pkg.version}/${pkg.generatedAt}`),
    metadata: meta,
    "import-profile": {
      href: `#${profileUuid}`,
      remarks: md(
        "No OSCAL catalog of the SOC 2 trust services criteria is published; this reference " +
          "names them through a resource in the back matter.",
      ),
    },
    "system-characteristics": {
      "system-ids": [{ "identifier-type": "https://ietf.org/rfc/rfc4122", id: uuidFor("system") }],
      "system-name": systemName,
      description: md(d.services),
      props: periodProps(pkg),
      // SOC 2 does not categorize systems by impact level, so none is claimed.
      "security-sensitivity-level": "not-categorized",
      "system-information": { "information-types": informationTypes },
      status: OPERATIONAL,
      "authorization-boundary": { description: md(d.boundaries) },
    },
    "system-implementation": {
      users,
      components,
    },
    "control-implementation": {
      description: md(
        `How the controls of ${pkg.organization.name} address the trust services criteria for ` +
          `${categoryList(pkg.engagement.categories)}, as listed in section III of the report.`,
      ),
      "implemented-requirements": [
        ...criteria.map(requirement),
        // A criterion appears once; one both in scope and excluded is described by its controls.
        ...pkg.notRelevant.filter((n) => !inScope.has(n.criterionId)).map(notRelevant),
      ],
    },
    "back-matter": {
      resources: [
        {
          uuid: profileUuid,
          title: "SOC 2 trust services criteria (2017, points of focus revised 2022)",
          description: md(
            `The criteria for ${categoryList(pkg.engagement.categories)} that this plan's ` +
              `control ids refer to, in lower case (for example cc6.1).`,
          ),
        },
      ],
    },
  });
}
