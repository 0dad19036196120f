# The API: REST, the Socket.IO gateway and LiveKit token minting. Build from the repository root:
#   docker build -f docker/api.Dockerfile -t mockroom-api .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN node tools/scripts/build-server.mjs && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
# Recordings and the interviewer's synthesised prompts live under the media folder, shared with the worker.
RUN mkdir -p /var/lib/mockroom/media && chown -R node:node /var/lib/mockroom
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 MOCKROOM_DATA_DIR=/var/lib/mockroom MOCKROOM_MEDIA_DIR=/var/lib/mockroom/media
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/server ./dist/server
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--enable-source-maps", "dist/server/apps/api/src/main.js"]
