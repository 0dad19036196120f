# The worker: BullMQ processors (transcription, scoring, speech, code runs, maintenance); no HTTP.
# Code runs use bubblewrap when the container may create user namespaces; docker/compose.yml sends them to Piston.
# It carries the offline speech engines. Build from the repository root:
#   docker build -f docker/worker.Dockerfile -t mockroom-worker .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN node tools/scripts/build-server.mjs && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
# The compiler and headers build the resident PocketSphinx decoder (libs/speech/native/ps-decoder.c) on first
# use, into $MOCKROOM_DATA_DIR/bin; without them the worker falls back to the slower pocketsphinx_continuous.
RUN apt-get update \
  && apt-get install -y --no-install-recommends pocketsphinx pocketsphinx-en-us libpocketsphinx-dev libsphinxbase-dev gcc libc6-dev pkg-config flite espeak-ng sox bubblewrap python3 \
  && rm -rf /var/lib/apt/lists/* \
  && mkdir -p /var/lib/mockroom/media && chown -R node:node /var/lib/mockroom
ENV NODE_ENV=production MOCKROOM_DATA_DIR=/var/lib/mockroom MOCKROOM_MEDIA_DIR=/var/lib/mockroom/media
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/server ./dist/server
COPY --from=build /app/libs/speech/native ./libs/speech/native
USER node
CMD ["node", "--enable-source-maps", "dist/server/apps/worker/src/main.js"]
