import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  serverExternalPackages: ["better-sqlite3", "sharp", "@ffmpeg-installer/ffmpeg", "@ffprobe-installer/ffprobe"],
  poweredByHeader: false,
};

export default nextConfig;
