/**
 * EC2 checks: new EBS volumes are encrypted by default in every region in scope, and no
 * security group lets the whole internet reach SSH or RDP.
 */
import type { AwsIngressRule, AwsSecurityGroup } from "../snapshot.ts";
import { listed, regionResult, result } from "./common.ts";
import type { AwsCheck } from "./common.ts";

/** SSH and RDP: administrative access that should come through a bastion or proxy. */
export const ADMIN_PORTS = [22, 3389] as const;

export const ebsDefaultEncryption: AwsCheck = {
  id: "aws.ebs-default-encryption",
  title: "EBS encryption by default is on in every region in scope",
  connector: "aws",
  reads: ["ec2:GetEbsEncryptionByDefault"],
  controls: ["AC-10"],
  criteria: ["CC6.1"],
  evaluate: (snapshot) =>
    snapshot.regionStates.map((state) =>
      state.ebsEncryptionByDefault
        ? regionResult(
            snapshot,
            state.region,
            "pass",
            `${state.region} encrypts new EBS volumes by default`,
          )
        : regionResult(
            snapshot,
            state.region,
            "fail",
            `${state.region} does not encrypt new EBS volumes by default`,
          ),
    ),
};

function coversPort(rule: AwsIngressRule, port: number): boolean {
  if (rule.protocol === "-1" || rule.protocol === "all") return true;
  if (!["tcp", "udp", "6", "17"].includes(rule.protocol)) return false;
  return (rule.fromPort ?? 0) <= port && port <= (rule.toPort ?? 65535);
}

function openToWorld(rule: AwsIngressRule): string[] {
  return [
    ...rule.ipv4Ranges.filter((cidr) => cidr === "0.0.0.0/0"),
    ...rule.ipv6Ranges.filter((cidr) => cidr === "::/0"),
  ];
}

/** "22 from 0.0.0.0/0" for each admin port a rule of the group opens to everyone. */
function openAdminPorts(group: AwsSecurityGroup): string[] {
  const openings = new Set<string>();
  for (const rule of group.ingress) {
    for (const source of openToWorld(rule)) {
      for (const port of ADMIN_PORTS) {
        if (coversPort(rule, port)) openings.add(`port ${port} from ${source}`);
      }
    }
  }
  return [...openings].sort();
}

export const noOpenAdminPorts: AwsCheck = {
  id: "aws.sg-no-open-admin-ports",
  title: "No security group allows SSH or RDP from anywhere",
  connector: "aws",
  reads: ["ec2:DescribeSecurityGroups"],
  controls: ["AC-11"],
  criteria: ["CC6.6", "CC6.1"],
  evaluate: (snapshot) =>
    snapshot.securityGroups.map((group) => {
      const id = `arn:aws:ec2:${group.region}:${snapshot.accountId}:security-group/${group.groupId}`;
      const name = `${group.groupName} (${group.groupId}, ${group.region})`;
      const open = openAdminPorts(group);
      return open.length === 0
        ? result(id, name, "pass", `${name} allows no SSH or RDP from anywhere`)
        : result(id, name, "fail", `${name} allows ${listed(open)}`);
    }),
};
