import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  serverExternalPackages: ["better-sqlite3", "sharp", "@ffmpeg-installer/ffmpeg", "@ffprobe-installer/ffprobe", "@aws-sdk/lib-storage", "@aws-sdk/s3-request-presigner"],
  poweredByHeader: false,
  // Room for a 10 MB image in the composer's server action; the action and createJob enforce 10 MB themselves.
  experimental: { serverActions: { bodySizeLimit: "11mb" } },
  // No page may be framed by another site (clickjacking), except the bare player that a
  // Twitter/X player card frames on the share link's behalf.
  async headers() {
    return [
      {
        source: "/((?!s/[^/]+/embed$).*)",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
        ],
      },
      { source: "/s/:token/embed", headers: [{ key: "Content-Security-Policy", value: "frame-ancestors *" }] },
    ];
  },
};

export default nextConfig;
