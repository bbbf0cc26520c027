import "server-only";

import { promises as fs } from "node:fs";
import path from "node:path";

import { GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";

import { s3 } from "../aws/clients";
import { awsSettings, reportSettings } from "../env";

/**
 * Where reports live: S3 in AWS mode when a bucket is configured, a local
 * folder otherwise. Returns a URI the portal can read back.
 */
export async function putReport(
  key: string,
  body: string,
  contentType: string,
): Promise<string> {
  const settings = reportSettings();
  if (awsSettings().mode === "aws" && settings.bucket) {
    const objectKey = `${settings.prefix}${key}`;
    await s3().send(
      new PutObjectCommand({
        Bucket: settings.bucket,
        Key: objectKey,
        Body: body,
        ContentType: contentType,
        ServerSideEncryption: "AES256",
      }),
    );

    return `s3://${settings.bucket}/${objectKey}`;
  }

  const file = path.resolve(settings.dir, key);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, body);

  return `file:${key}`;
}

export async function readReport(uri: string): Promise<Buffer> {
  if (uri.startsWith("s3://")) {
    const [bucket, ...rest] = uri.slice("s3://".length).split("/");
    const out = await s3().send(
      new GetObjectCommand({ Bucket: bucket, Key: rest.join("/") }),
    );

    return Buffer.from(await out.Body!.transformToByteArray());
  }

  const dir = path.resolve(reportSettings().dir);
  const file = path.resolve(dir, uri.replace(/^file:/, ""));
  if (!file.startsWith(`${dir}${path.sep}`)) {
    throw new Error("Report path escapes the report folder.");
  }

  return fs.readFile(file);
}
