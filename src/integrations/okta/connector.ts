/**
 * The Okta connector: an org URL and an SSWS API token (from an administrator with the
 * Read-Only Administrator role), read through the official Okta SDK into an OktaSnapshot.
 */
import type { ConnectorDefinition } from "../../domain/checks/check.ts";
import { readAll } from "./client.ts";
import { oktaClient, oktaCredentialsSchema, oktaSettingsSchema } from "./client.ts";
import type { OktaCredentials, OktaSettings } from "./client.ts";
import { collectOkta } from "./collect.ts";
import { oktaChecks } from "./checks/index.ts";
import { oktaPopulations } from "./populations.ts";
import type { OktaSnapshot } from "./snapshot.ts";
import { syntheticOktaSnapshot } from "./synthetic.ts";

export const oktaConnector: ConnectorDefinition<OktaSettings, OktaCredentials, OktaSnapshot> = {
  kind: "okta",
  title: "Okta",
  permissions: [
    "An API token (Security › API › Tokens) created by an administrator holding only the Read-Only Administrator role",
    "It reads users, their factors and admin role assignments (GET /api/v1/users, /users/{id}/factors, /users/{id}/roles)",
    "It reads password and global sign-on policies with their rules (GET /api/v1/policies, /policies/{id}/rules)",
  ],
  fields: [
    {
      name: "orgUrl",
      label: "Org URL",
      secret: false,
      required: true,
      help: "Your Okta organization's address, such as https://acme.okta.com",
    },
    {
      name: "apiToken",
      label: "API token",
      secret: true,
      required: true,
      help: "An SSWS token created by a read-only administrator; stored sealed, never shown again",
    },
  ],
  settings: oktaSettingsSchema,
  credentials: oktaCredentialsSchema,
  async testConnection(settings, credentials) {
    const client = await oktaClient(settings, credentials);
    // One page of one user: proves the URL, the token and the right to read users.
    await readAll("users", async () => {
      const users = await client.userApi.listUsers({ limit: 1 });
      return {
        async *[Symbol.asyncIterator]() {
          const first = await users.next();
          if (first.value !== null) yield first.value;
        },
      };
    });
  },
  async collect(settings, credentials, context) {
    return collectOkta(await oktaClient(settings, credentials), settings.orgUrl, context);
  },
  checks: oktaChecks,
  populations: oktaPopulations,
  syntheticSnapshot: syntheticOktaSnapshot,
};
