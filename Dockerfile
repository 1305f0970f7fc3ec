# syntax=docker/dockerfile:1
# One image for every role: `talkhub gateway`, `talkhub worker --role ingest|tools|background`,
# `talkhub migrate`. scripts/check-image checks these steps against Package.swift.

# --- build: the Swift toolchain, the C library's headers, a release binary -----------------
FROM swift:6.3-bookworm AS build
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libhiredis-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /build
# Dependencies first, so a source change does not refetch them.
COPY Package.swift ./
RUN swift package resolve
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --product talkhub --static-swift-stdlib \
    && mkdir -p /out \
    && cp "$(swift build -c release --show-bin-path)/talkhub" /out/ \
    && cp -R "$(swift build -c release --show-bin-path)/talkhub_Workers.resources" /out/ \
    && cp -R "$(swift build -c release --show-bin-path)/talkhub_Gateway.resources" /out/

# --- runtime: the binary, its resources and libhiredis, as a non-root user ----------------
FROM debian:bookworm-slim
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libhiredis0.14 ca-certificates tzdata curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin talkhub
WORKDIR /app
COPY --from=build /out/ /app/
USER talkhub
ENV PORT=8080 METRICS_PORT=9091 TALKHUB_ENV=production LOG_LEVEL=info
EXPOSE 8080 9091
# The gateway answers /health/live on PORT; workers answer it on METRICS_PORT (the stack
# file gives each service the check for its port).
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${PORT}/health/live" || exit 1
ENTRYPOINT ["/app/talkhub"]
CMD ["gateway"]
