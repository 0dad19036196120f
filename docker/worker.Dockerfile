# The worker: BullMQ processors (transcription, scoring, speech, maintenance); no HTTP.
# It carries the offline speech engines. Build from the repository root:
#   docker build -f docker/worker.Dockerfile -t mockroom-worker .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN node tools/scripts/build-server.mjs && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
RUN apt-get update \
  && apt-get install -y --no-install-recommends pocketsphinx pocketsphinx-en-us flite espeak-ng sox \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/server ./dist/server
USER node
CMD ["node", "--enable-source-maps", "dist/server/apps/worker/src/main.js"]
