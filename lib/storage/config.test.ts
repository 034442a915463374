/** STORAGE_URL and its companions: parsed once in lib/env.ts, turned into a driver's settings here. */
import { describe, expect, it } from "vitest";
import { parseSettings } from "../env";
import { mediaDelivery, storageConfig } from "./index";

const s3 = { STORAGE_URL: "s3://my-bucket/team/dailies/", S3_ENDPOINT: "http://minio:9000/", S3_FORCE_PATH_STYLE: "true" };

describe("storage settings", () => {
  it("keeps files under DATA_DIR and streams them when STORAGE_URL is unset", () => {
    const settings = parseSettings({ DATA_DIR: "/srv/dailies" });
    expect(storageConfig(settings)).toEqual({ driver: "disk", root: "/srv/dailies" });
    expect(mediaDelivery(settings)).toBe("stream");
  });

  it("reads s3://bucket/prefix with endpoint, path style and credentials, and redirects by default", () => {
    const settings = parseSettings({ ...s3, AWS_ACCESS_KEY_ID: "AKIA1", AWS_SECRET_ACCESS_KEY: "secret", S3_REGION: "auto" });
    expect(storageConfig(settings)).toEqual({
      driver: "s3",
      bucket: "my-bucket",
      prefix: "team/dailies",
      endpoint: "http://minio:9000",
      publicEndpoint: undefined,
      region: "auto",
      forcePathStyle: true,
      credentials: { accessKeyId: "AKIA1", secretAccessKey: "secret", sessionToken: undefined },
    });
    expect(mediaDelivery(settings)).toBe("redirect");
    expect(mediaDelivery(parseSettings({ ...s3, MEDIA_DELIVERY: "stream" }))).toBe("stream");
  });

  it("leaves credentials to the SDK's own chain when none are set, and takes a bucket without a prefix", () => {
    const config = storageConfig(parseSettings({ STORAGE_URL: "s3://videos.example.com" }));
    expect(config).toMatchObject({ driver: "s3", bucket: "videos.example.com", prefix: "", credentials: undefined, region: "us-east-1", forcePathStyle: false });
  });

  it("fails at start with a sentence for settings that cannot work", () => {
    expect(() => parseSettings({ STORAGE_URL: "https://my-bucket.s3.amazonaws.com" })).toThrow(/STORAGE_URL must look like s3:\/\/bucket/);
    expect(() => parseSettings({ STORAGE_URL: "s3://My_Bucket" })).toThrow(/STORAGE_URL must look like/);
    expect(() => parseSettings({ MEDIA_DELIVERY: "redirect" })).toThrow(/MEDIA_DELIVERY=redirect needs STORAGE_URL/);
    expect(() => parseSettings({ ...s3, AWS_ACCESS_KEY_ID: "AKIA1" })).toThrow(/set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/);
    expect(() => parseSettings({ ...s3, S3_FORCE_PATH_STYLE: "yes" })).toThrow(/S3_FORCE_PATH_STYLE must be "true" or "false"/);
    expect(() => parseSettings({ MEDIA_URL_TTL_SECONDS: "10" })).toThrow(/at least 60/);
  });
});
