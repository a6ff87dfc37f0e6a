// Parsing the IAM credential report CSV, AWS's "does not apply" words included.
import { describe, expect, it } from "vitest";
import { ConnectorError } from "../../domain/checks/check.ts";
import { CREDENTIAL_REPORT_HEADER as HEADER } from "../../../test/support/fake-aws-iam.ts";
import { parseCredentialReport } from "./credential-report.ts";

describe("credential report", () => {
  it("reads each user and leaves out the root account's line", () => {
    const csv = [
      HEADER,
      "<root_account>,arn:aws:iam::111122223333:root,2019-03-01T10:00:00+00:00,not_supported,2026-01-01T00:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A",
      "zoe,arn:aws:iam::111122223333:user/zoe,2024-02-01T09:30:00+00:00,true,no_information,2024-02-01T09:31:00+00:00,N/A,false,true,2024-02-01T09:32:00+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A",
      "",
    ].join("\n");
    expect(parseCredentialReport(csv)).toEqual([
      {
        user: "zoe",
        arn: "arn:aws:iam::111122223333:user/zoe",
        userCreationTime: "2024-02-01T09:30:00.000Z",
        passwordEnabled: true,
        passwordLastUsed: null,
        passwordLastChanged: "2024-02-01T09:31:00.000Z",
        mfaActive: false,
        accessKeys: [
          { slot: 1, active: true, lastRotated: "2024-02-01T09:32:00.000Z", lastUsedDate: null },
          { slot: 2, active: false, lastRotated: null, lastUsedDate: null },
        ],
      },
    ]);
  });

  it("refuses a report it cannot read, saying where", () => {
    const short = `${HEADER}\nzoe,arn,2024-02-01T09:30:00+00:00\n`;
    expect(() => parseCredentialReport(short)).toThrow(/line 2 has 3 fields, the header 22/);
    const badFlag = `${HEADER}\n${"zoe,arn,2024-02-01T09:30:00+00:00,maybe" + ",N/A".repeat(18)}\n`;
    expect(() => parseCredentialReport(badFlag)).toThrow(
      /line 2: password_enabled is not true or false/,
    );
    expect(() => parseCredentialReport("name,arn\n")).toThrow(ConnectorError);
    expect(() => parseCredentialReport("name,arn\n")).toThrow(/no user, user_creation_time/);
  });
});
