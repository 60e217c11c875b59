#!/usr/bin/env bash
# Runs the packaged application (./mvnw -B package -DskipTests) the way an installation should:
#   - an explicit heap (GGG_HEAP, default -Xmx512m) instead of the JVM's default of a quarter of the machine's memory;
#   - class-data sharing: on first use (or when the jar is newer) the jar is extracted into GGG_APP_DIR and one
#     training start records the classes the application loads into app.jsa (Spring Boot's CDS support; about 40 s,
#     on a throw-away embedded PostgreSQL, never the configured database); every start after that maps them;
#   - the JIT compiler's threads one step behind the application's: nice GGG_COMPILER_NICE (default 5), every other
#     thread at 0 (empty: the JVM's own priorities). A start is CPU-bound, and on a small machine the compiler
#     otherwise takes more of the CPU than the thread starting the application (BENCHMARKS.md, P5). As a user other
#     than root the JVM warns that "-XX:ThreadPriorityPolicy=1 may require system level permission": lowering a
#     priority needs none, and nothing is raised.
# Measured by the benchmark (BENCHMARKS.md, P5). Arguments are passed to the application, e.g. --server.port=9090;
# settings from the environment (SPRING_DATASOURCE_URL, SPRING_PROFILES_ACTIVE, ...) apply as with java -jar.
# scripts/run-jar.sh --prepare only extracts and trains (e.g. while installing), then exits.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${GGG_JAR:-$(ls target/gonggaigong-workflow-*.jar 2>/dev/null | head -1)}
APP_DIR=${GGG_APP_DIR:-target/app}
HEAP=${GGG_HEAP:--Xmx512m}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
COMPILER_NICE=${GGG_COMPILER_NICE-5}
if [ -n "$COMPILER_NICE" ] && ! [[ "$COMPILER_NICE" =~ ^([0-9]|1[0-9])$ ]]; then
    echo "GGG_COMPILER_NICE=$COMPILER_NICE 无效：应为 0 到 19 的整数（编译线程的 nice 值），或留空表示不调整" >&2
    exit 1
fi
JVM_OPTS=($HEAP)
if [ -n "$COMPILER_NICE" ]; then
    JVM_OPTS+=(-XX:ThreadPriorityPolicy=1 -XX:CompilerThreadPriority="$COMPILER_NICE")
    # Every other thread stays at nice 0, as the user running it (root would otherwise raise the JVM's GC and VM
    # threads to nice -4 and lower threads of a low Java priority).
    for priority in 1 2 3 4 5 6 7 8 9 10; do
        JVM_OPTS+=(-XX:JavaPriority${priority}_To_OSPriority=0)
    done
fi
if [ -z "$JAR" ] || [ ! -f "$JAR" ]; then
    echo "没有找到应用程序包：请先运行 ./mvnw -B package -DskipTests（或设置 GGG_JAR）" >&2
    exit 1
fi
NAME=$(basename "$JAR")
mkdir -p "$APP_DIR"
APP_DIR=$(cd "$APP_DIR" && pwd) # the same absolute class path for the training and every start, or CDS is off
if [ ! -f "$APP_DIR/app.jsa" ] || [ "$JAR" -nt "$APP_DIR/app.jsa" ]; then
    echo "[run-jar] extracting $JAR and recording its classes (class-data sharing, once per build) ..." >&2
    rm -rf "${APP_DIR:?}"/*
    "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$APP_DIR" >&2
    TRAINING=$(mktemp -d)
    # The training's PostgreSQL server, if the JVM left it running (it stops it on a normal exit).
    stop_training_postgres() {
        if [ -f "$TRAINING/postgres/postmaster.pid" ]; then
            kill "$(head -1 "$TRAINING/postgres/postmaster.pid")" 2>/dev/null || true
            sleep 2
        fi
    }
    # A training start on its own embedded PostgreSQL, without the environment's database or profile, that stops
    # once the application context is refreshed.
    (env -u SPRING_DATASOURCE_URL -u SPRING_PROFILES_ACTIVE "$JAVA" "${JVM_OPTS[@]}" \
        -XX:ArchiveClassesAtExit="$APP_DIR/app.jsa" -Dspring.context.exit=onRefresh -jar "$APP_DIR/$NAME" \
        --spring.datasource.url= --ggg.embedded-postgres.data-dir="$TRAINING/postgres" \
        --ggg.embedded-postgres.port=0 --server.port=0 > "$TRAINING/training.log" 2>&1) || {
        stop_training_postgres
        echo "[run-jar] the training start failed; see $TRAINING/training.log" >&2
        exit 1
    }
    stop_training_postgres
    rm -rf "$TRAINING"
fi
if [ "${1:-}" = "--prepare" ]; then
    exit 0
fi
exec "$JAVA" "${JVM_OPTS[@]}" -XX:SharedArchiveFile="$APP_DIR/app.jsa" -jar "$APP_DIR/$NAME" "$@"
