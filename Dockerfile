# One image for the API and the worker (the command differs). Multi-stage: build with dev
# dependencies, run with production dependencies only, as the unprivileged node user.
# Node 24 LTS here; the code stays on Node 20 too (engines >=20: CI and dev machines run 20). Both
# stages use the same Node, so npm ci's native packages (@node-rs/argon2, @swc/core, N-API
# prebuilds) and the build tools match the runtime.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm run build:web

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
# The web client, served by the API at / (src/bootstrap/web-client.ts finds it beside dist/).
COPY --from=build /app/web/dist ./web/dist
USER node
EXPOSE 3000
CMD ["node", "dist/src/main.js"]
