# syntax=docker/dockerfile:1
# Kindred: build with the Rust toolchain, run on a small Debian image as a non-root user.
#   docker build -t kindred .
#   docker run -p 8080:8080 kindred             (SQLite in /var/lib/kindred)
#   docker compose up                           (PostgreSQL 15, see docker-compose.yml)

FROM rust:1-bookworm AS builder
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /build
# The whole source tree less what .dockerignore leaves out: the binary embeds templates/,
# static/, migrations/ and data/, and Cargo.toml may name targets under tests/ and benches/.
COPY . .
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/build/target \
    cargo build --release --locked --bin kindred \
 && install -m 0755 target/release/kindred /usr/local/bin/kindred

FROM debian:bookworm-slim AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq5 ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 kindred \
 && useradd --system --uid 10001 --gid kindred --home-dir /var/lib/kindred --shell /usr/sbin/nologin kindred \
 && install -d -o kindred -g kindred -m 0750 /var/lib/kindred
COPY --from=builder /usr/local/bin/kindred /usr/local/bin/kindred
USER kindred:kindred
WORKDIR /var/lib/kindred
# SQLite by default (its generated secret is stored beside the database); set DATABASE_URL to a
# postgres:// URL, and KINDRED_SECRET, to use PostgreSQL.
ENV KINDRED_BIND=0.0.0.0:8080 \
    DATABASE_URL=sqlite:///var/lib/kindred/kindred.db
EXPOSE 8080
CMD ["kindred", "serve"]
