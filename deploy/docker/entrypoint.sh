#!/bin/sh
# Tributary's container entrypoint. It writes the configuration handed over in TRIBUTARY_CONFIG_YAML (an ECS secret
# from SSM) to the file `run --config` reads, then replaces itself with the JVM (exec), so that the JVM gets ECS's
# SIGTERM directly and drains. JAVA_OPTS is split into words on purpose.
set -eu
jar="${TRIBUTARY_JAR:-/opt/tributary/tributary.jar}"
if [ -n "${TRIBUTARY_CONFIG_YAML:-}" ]; then
  file="${TRIBUTARY_CONFIG_FILE:-/var/tributary/tributary.yaml}"
  umask 077
  mkdir -p "$(dirname "$file")"
  printf '%s\n' "$TRIBUTARY_CONFIG_YAML" > "$file"
  unset TRIBUTARY_CONFIG_YAML
fi
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
