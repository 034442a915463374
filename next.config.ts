import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  serverExternalPackages: ["better-sqlite3", "sharp", "@ffmpeg-installer/ffmpeg", "@ffprobe-installer/ffprobe", "@aws-sdk/lib-storage", "@aws-sdk/s3-request-presigner"],
  poweredByHeader: false,
  // Room for a 10 MB image in the composer's server action; the action and createJob enforce 10 MB themselves.
  experimental: { serverActions: { bodySizeLimit: "11mb" } },
};

export default nextConfig;
