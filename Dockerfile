# The planner's container image: `node dist/server.js` (the Hono app on @hono/node-server, PORT 8080), plus the
# scheduled job the Helm CronJob runs (dist/scheduled-job.js) and the CLI (dist/cli.js).
#   docker build -t azr-planner:1.0.0 .
# test/container lints this file and runs its CMD with its ENV against a local build (no Docker engine needed).

# The project's pinned Node (package.json devDependency "node"); test/container keeps the two equal.
ARG NODE_VERSION=22.23.3

FROM node:${NODE_VERSION}-alpine AS build
WORKDIR /app
# Dependencies first, so this layer is reused until the lock file changes. Install scripts stay off (npm 11's
# default too): esbuild's binary comes as an optional dependency and nothing else needs one.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY lib ./lib
COPY functions ./functions
COPY scripts/build.ts scripts/bundle.ts ./scripts/
RUN node --import tsx scripts/build.ts dist

FROM node:${NODE_VERSION}-alpine AS runtime
# npm, npx and corepack are never used at run time: dropping them shrinks the image and what scanners flag.
RUN rm -rf /usr/local/lib/node_modules /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack /opt/yarn-* /usr/local/bin/yarn /usr/local/bin/yarnpkg
ENV NODE_ENV=production \
    PORT=8080
WORKDIR /app
# The bundles are self-contained (production code only, no node_modules); package.json marks them as ESM.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/dist ./dist
# Numeric, so Kubernetes can verify runAsNonRoot (the image's "node" user, uid 1000).
USER 1000:1000
EXPOSE 8080
# Exec form: node is PID 1 and receives SIGTERM itself; the server drains and exits on it.
ENTRYPOINT ["node"]
CMD ["dist/server.js"]
