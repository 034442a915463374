# Dailies as one image for the web server (`npm start`, the default) and the worker
# (`npm run worker`). Node 20 on Debian slim; ffmpeg and ffprobe come from the npm packages
# (@ffmpeg-installer, @ffprobe-installer), so the image installs no system ffmpeg.
# CI here cannot run Docker: e2e/deploy-files.test.ts checks this file and compose.yaml statically.

# 1. Dependencies, with the compilers a native module falls back to when it has no prebuilt binary.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci

# 2. The production build.
FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN npx next build

# 3. What runs: the build, the migrations, and the sources the worker runs with tsx (a
#    devDependency, so dev packages stay). No compilers, and not as root.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    DATA_DIR=/app/data
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends ca-certificates \
  && rm -rf /var/lib/apt/lists/*
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
VOLUME ["/app/data"]
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["npm", "start"]
