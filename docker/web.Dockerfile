# The web client as static files behind nginx, which forwards /api and /socket.io to the API.
#   docker build -f docker/web.Dockerfile -t mockroom-web .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN node node_modules/vite/bin/vite.js build --config apps/web/vite.config.mts

FROM nginx:1.27-alpine
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/apps/web/dist /usr/share/nginx/html
EXPOSE 80
