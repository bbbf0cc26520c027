// Formats Image Builder, EC2, KMS and Organizations accept, checked before
// anything is sent so the user sees which field is wrong.

export const ACCOUNT_ID = /^[0-9]{12}$/;
export const REGION = /^[a-z]{2}(-gov)?-[a-z]+-[0-9]$/;
export const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9]+$/;
export const INSTANCE_PROFILE = /^[\w+=,.@-]{1,256}$/;
export const SUBNET_ID = /^subnet-[0-9a-f]{8,17}$/;
export const SECURITY_GROUP_ID = /^sg-[0-9a-f]{8,17}$/;
export const SNS_TOPIC_ARN =
  /^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$/;
export const S3_BUCKET = /^(?!xn--)(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
export const KMS_KEY =
  /^(arn:aws[a-z-]*:kms:([a-z0-9-]+):[0-9]{12}:(key\/[0-9a-f-]{36}|alias\/[A-Za-z0-9/_-]+)|[0-9a-f-]{36}|alias\/[A-Za-z0-9/_-]+)$/;
export const ORGANIZATION_ARN =
  /^arn:aws[a-z-]*:organizations::[0-9]{12}:organization\/o-[a-z0-9]{10,32}$/;
export const OU_ARN =
  /^arn:aws[a-z-]*:organizations::[0-9]{12}:ou\/o-[a-z0-9]{10,32}\/ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}$/;
export { RESOURCE_NAME as CONFIG_NAME } from "../recipes/rules";
export const AMI_NAME = /^[-_A-Za-z0-9{][-_A-Za-z0-9\s:{}.]+[-_A-Za-z0-9}]$/;
export const BUILD_DATE = /\{\{\s*imagebuilder:buildDate\s*\}\}/;
export const TAG_KEY = /^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+@-]{1,128}$/u;
export const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+@-]{0,256}$/u;

/** The region of a KMS key ARN (null for ids and aliases). */
export function kmsRegion(key: string): string | null {
  return KMS_KEY.exec(key)?.[2] ?? null;
}
