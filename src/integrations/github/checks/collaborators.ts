/**
 * Outside collaborators (people who are not members of the organization) hold no admin rights on
 * a repository (AC-07: privileged access stays with the company's own staff).
 */
import { eachActiveRepository } from "./helpers.ts";
import type { GitHubCheck } from "./helpers.ts";

export const outsideCollaboratorsNotAdmin: GitHubCheck = {
  id: "github.outside-collaborators-not-admin",
  title: "Outside collaborators have no admin rights",
  connector: "github",
  reads: ["GET /repos/{owner}/{repo}/collaborators?affiliation=outside"],
  controls: ["AC-07"],
  criteria: ["CC6.3"],
  evaluate: (snapshot) =>
    eachActiveRepository(snapshot, (repository) => {
      const admins = repository.outsideCollaborators.filter((person) => person.admin);
      if (admins.length === 0) {
        return {
          passed: true,
          reason: `${repository.fullName}: no outside collaborator is an admin`,
        };
      }
      const logins = admins.map((person) => person.login).join(", ");
      return {
        passed: false,
        reason: `${repository.fullName}: outside collaborators with admin rights: ${logins}`,
      };
    }),
};
