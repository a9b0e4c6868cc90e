# etcscore in a container, for nightly batches (the Kubernetes example in docs/pipelines.md runs it). From a clone:
#   docker build -t etcscore .
#   docker run --rm -v "$PWD/calls:/data/calls:ro" etcscore score calls --format ndjson > scores.ndjson

# Built with the development dependencies (TypeScript); the image gets only what `npm pack` ships.
FROM node:20-slim AS build
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build && npm pack --ignore-scripts && mkdir package && tar -xzf etcscore-*.tgz && cp package-lock.json package/

FROM node:20-slim
# Two malloc arenas instead of glibc's eight per core: scoring on worker threads then keeps 10–25 MB
# less freed memory per process, at no measurable cost in time (docs/scale.md).
ENV NODE_ENV=production MALLOC_ARENA_MAX=2
COPY --from=build /build/package /opt/etcscore
WORKDIR /opt/etcscore
# The versions the lock file pins, production dependencies only; nothing to build (dist/ is built).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force \
  && ln -s /opt/etcscore/bin/etcscore.js /usr/local/bin/etcscore \
  && mkdir /data && chown node:node /data
# The image's unprivileged user `node`, by number so that Kubernetes' runAsNonRoot can check it:
# transcripts are personal data, and nothing here needs root.
USER 1000:1000
WORKDIR /data
ENTRYPOINT ["etcscore"]
CMD ["--help"]
