/**
 * How each AWS protocol shapes an answer and an error, as the service references document
 * them: Query (IAM, STS, RDS) wraps results in <ActionResponse><ActionResult>; EC2's Query
 * dialect has no Result wrapper and lowercase names; awsJson1_1 (CloudTrail) and REST-JSON
 * (GuardDuty) carry the error code in `__type` / X-Amzn-ErrorType; REST-XML (S3) answers
 * errors as <Error><Code>.
 */
import { randomUUID } from "node:crypto";

export type Protocol = "query" | "ec2" | "json" | "rest-json" | "rest-xml";

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** An error the fake answers, in the protocol of the service asked. */
export class AwsFault extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** <tag>content</tag>, content already XML (use `text` for plain values). */
export function el(tag: string, content: string): string {
  return `<${tag}>${content}</${tag}>`;
}

export function text(tag: string, value: string | number | boolean): string {
  return el(tag, escapeXml(String(value)));
}

/** Query lists: <Name><member>…</member></Name> (RDS names its members after the type). */
export function members(tag: string, items: string[], member = "member"): string {
  return el(tag, items.map((item) => el(member, item)).join(""));
}

const NAMESPACES: Record<string, string> = {
  iam: "https://iam.amazonaws.com/doc/2010-05-08/",
  sts: "https://sts.amazonaws.com/doc/2011-06-15/",
  rds: "http://rds.amazonaws.com/doc/2014-10-31/",
  ec2: "http://ec2.amazonaws.com/doc/2016-11-15/",
  s3: "http://s3.amazonaws.com/doc/2006-03-01/",
};

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** A Query protocol answer for IAM, STS or RDS. */
export function queryAnswer(service: string, action: string, result: string): Answer {
  const requestId = randomUUID();
  const body =
    `${XML_HEAD}<${action}Response xmlns="${NAMESPACES[service]}">` +
    el(`${action}Result`, result) +
    el("ResponseMetadata", text("RequestId", requestId)) +
    `</${action}Response>`;
  return {
    status: 200,
    headers: { "content-type": "text/xml", "x-amzn-requestid": requestId },
    body,
  };
}

/** An EC2 answer: elements directly in <ActionResponse>, with a requestId. */
export function ec2Answer(action: string, content: string): Answer {
  const requestId = randomUUID();
  const body =
    `${XML_HEAD}<${action}Response xmlns="${NAMESPACES.ec2}">` +
    text("requestId", requestId) +
    content +
    `</${action}Response>`;
  return { status: 200, headers: { "content-type": "text/xml;charset=UTF-8" }, body };
}

export function jsonAnswer(value: unknown, protocol: "json" | "rest-json"): Answer {
  const type = protocol === "json" ? "application/x-amz-json-1.1" : "application/json";
  return {
    status: 200,
    headers: { "content-type": type, "x-amzn-requestid": randomUUID() },
    body: JSON.stringify(value),
  };
}

/** An S3 answer: the named root element with S3's namespace. */
export function s3Answer(root: string, content: string, region: string): Answer {
  return {
    status: 200,
    headers: {
      "content-type": "application/xml",
      "x-amz-request-id": randomUUID(),
      "x-amz-bucket-region": region,
    },
    body: `${XML_HEAD}<${root} xmlns="${NAMESPACES.s3}">${content}</${root}>`,
  };
}

/** The documented error body of each protocol. */
export function errorAnswer(protocol: Protocol, service: string, fault: AwsFault): Answer {
  const requestId = randomUUID();
  const sender = fault.status < 500 ? "Sender" : "Receiver";
  switch (protocol) {
    case "query":
      return {
        status: fault.status,
        headers: { "content-type": "text/xml", "x-amzn-requestid": requestId },
        body:
          `${XML_HEAD}<ErrorResponse xmlns="${NAMESPACES[service]}">` +
          el(
            "Error",
            text("Type", sender) + text("Code", fault.code) + text("Message", fault.message),
          ) +
          text("RequestId", requestId) +
          "</ErrorResponse>",
      };
    case "ec2":
      return {
        status: fault.status,
        headers: { "content-type": "text/xml;charset=UTF-8" },
        body:
          `${XML_HEAD}<Response>` +
          el("Errors", el("Error", text("Code", fault.code) + text("Message", fault.message))) +
          text("RequestID", requestId) +
          "</Response>",
      };
    case "json":
      return {
        status: fault.status,
        headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": requestId },
        body: JSON.stringify({ __type: fault.code, message: fault.message }),
      };
    case "rest-json":
      return {
        status: fault.status,
        headers: {
          "content-type": "application/json",
          "x-amzn-errortype": fault.code,
          "x-amzn-requestid": requestId,
        },
        body: JSON.stringify({ message: fault.message, __type: fault.code }),
      };
    case "rest-xml":
      return {
        status: fault.status,
        headers: { "content-type": "application/xml", "x-amz-request-id": requestId },
        body:
          XML_HEAD +
          el(
            "Error",
            text("Code", fault.code) +
              text("Message", fault.message) +
              text("RequestId", requestId) +
              text("HostId", "fake-host-id"),
          ),
      };
  }
}

export const PROTOCOLS: Record<string, Protocol> = {
  iam: "query",
  sts: "query",
  rds: "query",
  ec2: "ec2",
  cloudtrail: "json",
  guardduty: "rest-json",
  s3: "rest-xml",
};

/** The answer to an unknown key, a wrong signature or an expired token, as each service documents it. */
export function authFault(service: string, problem: "unknown" | "signature" | "expired"): AwsFault {
  const json = PROTOCOLS[service] === "json" || PROTOCOLS[service] === "rest-json";
  if (problem === "expired") {
    const message = "The security token included in the request is expired";
    return new AwsFault(json ? 403 : 400, json ? "ExpiredTokenException" : "ExpiredToken", message);
  }
  if (problem === "signature") {
    const message =
      "The request signature we calculated does not match the signature you provided.";
    if (json)
      return new AwsFault(
        service === "cloudtrail" ? 400 : 403,
        "InvalidSignatureException",
        message,
      );
    return new AwsFault(403, "SignatureDoesNotMatch", message);
  }
  const invalid = "The security token included in the request is invalid.";
  switch (service) {
    case "ec2":
      return new AwsFault(
        401,
        "AuthFailure",
        "AWS was not able to validate the provided access credentials",
      );
    case "s3":
      return new AwsFault(
        403,
        "InvalidAccessKeyId",
        "The AWS Access Key Id you provided does not exist in our records.",
      );
    case "cloudtrail":
      return new AwsFault(400, "UnrecognizedClientException", invalid);
    case "guardduty":
      return new AwsFault(403, "UnrecognizedClientException", invalid);
    default:
      return new AwsFault(403, "InvalidClientTokenId", invalid);
  }
}
