# The LiveKit media agent: joins interview rooms and sends each participant's microphone to the API's pipeline.
# Only needed with LiveKit. Build from the repository root:
#   docker build -f docker/agent.Dockerfile -t mockroom-agent .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN node tools/scripts/build-server.mjs && npm prune --omit=dev --no-audit --no-fund

# glibc (bookworm, not alpine): @livekit/rtc-node ships a prebuilt linux-x64-gnu / linux-arm64-gnu library.
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/server ./dist/server
USER node
CMD ["node", "--enable-source-maps", "dist/server/apps/agent/src/main.js"]
