# One image for every service; docker-compose.yml picks the entry point.
FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production APOLLO_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --include=dev
COPY tsconfig.json tsconfig.build.json README.md ./
COPY platform platform
COPY services services
COPY gateway gateway
COPY scripts scripts
COPY stix stix
COPY schema schema
COPY data data
COPY web web
RUN npm run build && npm prune --omit=dev
USER node
