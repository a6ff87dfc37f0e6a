/**
 * A made-up Okta org of about `resources` users for the checks benchmark: a mix of enrolled and
 * unenrolled users, admins, suspended and deprovisioned accounts, leavers and unknown accounts,
 * so every check has work on both sides. Deterministic: the same size gives the same snapshot.
 */
import type { RegisterPerson } from "../../domain/checks/check.ts";
import type { OktaSnapshot, OktaUserRecord } from "./snapshot.ts";

const STATUSES = [
  "ACTIVE",
  "ACTIVE",
  "ACTIVE",
  "ACTIVE",
  "SUSPENDED",
  "DEPROVISIONED",
  "LOCKED_OUT",
];
const FACTORS = ["push", "token:software:totp", "webauthn", "sms", "email"];

export function syntheticOktaSnapshot(resources: number): OktaSnapshot {
  const count = Math.max(1, resources);
  const users: OktaUserRecord[] = [];
  const people: RegisterPerson[] = [];
  for (let i = 0; i < count; i += 1) {
    const email = `user${i}@example.test`;
    const status = STATUSES[i % STATUSES.length] ?? "ACTIVE";
    users.push({
      id: `00u${String(i).padStart(8, "0")}`,
      login: email,
      email,
      name: `User ${i}`,
      status,
      created: "2025-01-01T00:00:00.000Z",
      lastLogin:
        i % 11 === 0 ? null : `2026-${String((i % 12) + 1).padStart(2, "0")}-01T00:00:00.000Z`,
      statusChanged: "2025-06-01T00:00:00.000Z",
      factors:
        status === "DEPROVISIONED" || i % 9 === 0
          ? []
          : [
              {
                factorType: FACTORS[i % FACTORS.length] ?? "push",
                provider: "OKTA",
                status: "ACTIVE",
              },
            ],
      roles:
        i % 50 === 0
          ? [
              {
                type: i % 100 === 0 ? "SUPER_ADMIN" : "ORG_ADMIN",
                label: "Admin",
                assignmentType: "USER",
              },
            ]
          : [],
    });
    // Most accounts are on the register; every 13th is unknown, every 17th person has left.
    if (i % 13 !== 0) {
      people.push({
        email,
        name: `User ${i}`,
        status: i % 17 === 0 ? "left" : "active",
        startDate: "2025-01-01",
        endDate: i % 17 === 0 ? "2026-06-30" : null,
      });
    }
  }
  return {
    orgUrl: "https://synthetic.okta.example",
    collectedAt: "2026-12-01T00:00:00.000Z",
    users,
    passwordPolicies: [
      {
        id: "00p1",
        name: "Default Policy",
        status: "ACTIVE",
        priority: 2,
        minLength: 8,
        excludesCommonPasswords: false,
        lockoutAttempts: 10,
      },
      {
        id: "00p2",
        name: "Staff",
        status: "ACTIVE",
        priority: 1,
        minLength: 14,
        excludesCommonPasswords: true,
        lockoutAttempts: 5,
      },
    ],
    signOnPolicies: [
      {
        id: "00p3",
        name: "Default Policy",
        status: "ACTIVE",
        priority: 1,
        rules: [
          {
            id: "0pr1",
            name: "MFA everywhere",
            status: "ACTIVE",
            priority: 1,
            access: "ALLOW",
            requireFactor: true,
          },
          {
            id: "0pr2",
            name: "Office network",
            status: "ACTIVE",
            priority: 2,
            access: "ALLOW",
            requireFactor: false,
          },
        ],
      },
    ],
    people,
  };
}
