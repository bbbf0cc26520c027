import { HttpResponse } from "@smithy/protocol-http";

/** The identity the emulator reports to STS GetCallerIdentity. */
export function emulatorIdentity(accountId: string) {
  return {
    account: accountId,
    arn: `arn:aws:iam::${accountId}:user/local-emulator`,
    userId: "AIDALOCALEMULATOR0001",
  };
}

export function isStsHost(hostname: string): boolean {
  return hostname.startsWith("sts.");
}

/**
 * STS speaks the awsQuery protocol (form body in, XML out). Only
 * GetCallerIdentity is served, for the portal's connection check.
 * LIMITATION: AssumeRole is not emulated; roles per account only apply
 * against real AWS.
 */
export function stsResponse(
  body: unknown,
  accountId: string,
  requestId: string,
): { response: HttpResponse } {
  const text =
    typeof body === "string"
      ? body
      : new TextDecoder().decode(body as Uint8Array | undefined);
  const action = new URLSearchParams(text).get("Action");
  const headers = { "content-type": "text/xml", "x-amzn-requestid": requestId };
  const xml =
    action === "GetCallerIdentity"
      ? callerIdentityXml(accountId, requestId)
      : errorXml(action, requestId);
  const statusCode = action === "GetCallerIdentity" ? 200 : 400;

  return {
    response: new HttpResponse({
      statusCode,
      headers,
      body: new TextEncoder().encode(xml),
    }),
  };
}

function callerIdentityXml(accountId: string, requestId: string): string {
  const identity = emulatorIdentity(accountId);

  return (
    '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">' +
    "<GetCallerIdentityResult>" +
    `<Arn>${identity.arn}</Arn><UserId>${identity.userId}</UserId>` +
    `<Account>${identity.account}</Account>` +
    "</GetCallerIdentityResult>" +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>` +
    "</GetCallerIdentityResponse>"
  );
}

function errorXml(action: string | null, requestId: string): string {
  const safe = (action ?? "").replace(/[^A-Za-z]/g, "");

  return (
    '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">' +
    "<Error><Type>Sender</Type><Code>InvalidAction</Code>" +
    `<Message>The action ${safe} is not supported by the local emulator.` +
    "</Message></Error>" +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}
