# shellcheck shell=bash
# Sourced by deploy/local/stack: a real Apache Kafka broker (KRaft, one node) fetched from Maven Central,
# configured, started and given the project's topics.

kafka_libs() {
  if [[ ! -f "$KAFKA_LIBS/.complete" ]]; then
    say "kafka: fetching the broker from Maven Central"
    mkdir -p "$KAFKA_LIBS"
    (cd "$ROOT" && ./mvnw -B -q -f deploy/local/kafka/pom.xml dependency:copy-dependencies \
      -DoutputDirectory="$KAFKA_LIBS" -DincludeScope=runtime) > "$LOGS/kafka-fetch.log" 2>&1 \
      || fail "kafka: could not fetch the broker jars; see $LOGS/kafka-fetch.log"
    touch "$KAFKA_LIBS/.complete"
  fi
}

kafka_java() { java -Xms128m -Xmx512m -Dlog4j2.configurationFile="$HERE/kafka/log4j2.properties" \
  -Dkafka.logs.dir="$LOGS" -cp "$KAFKA_LIBS/*" "$@"; }

kafka_configure() {
  mkdir -p "$KAFKA_HOME/data"
  cat > "$KAFKA_HOME/server.properties" <<EOF
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
log.dirs=$KAFKA_HOME/data
auto.create.topics.enable=false
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=4
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
  if [[ ! -f "$KAFKA_HOME/data/meta.properties" ]]; then
    local cluster_id
    cluster_id=$(kafka_java kafka.tools.StorageTool random-uuid 2>>"$LOGS/kafka.log")
    kafka_java kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$KAFKA_HOME/server.properties" \
      >> "$LOGS/kafka.log" 2>&1 || fail "kafka: formatting the storage failed; see $LOGS/kafka.log"
  fi
}

create_topics() {
  local common_jar
  common_jar=$(ls "$ROOT"/common/target/common-*.jar 2>/dev/null | grep -v sources | head -n 1)
  [[ -n "$common_jar" ]] || fail "kafka: common jar missing; run the build"
  java -cp "$common_jar:$KAFKA_LIBS/*" -Dlog4j2.configurationFile="$HERE/kafka/log4j2.properties" \
    cn.jiaozuo.biodiversity.common.messaging.TopicSetup "127.0.0.1:$KAFKA_PORT" >> "$LOGS/kafka.log" 2>&1 \
    || fail "kafka: creating the topics failed; see $LOGS/kafka.log"
}

start_kafka() {
  if pid_alive kafka; then
    return 0
  fi
  port_open "$KAFKA_PORT" && fail "kafka: port $KAFKA_PORT is taken by a process this stack did not start"
  kafka_libs
  kafka_configure
  say "kafka: starting on 127.0.0.1:$KAFKA_PORT"
  nohup java -Xms256m -Xmx512m -Dlog4j2.configurationFile="$HERE/kafka/log4j2.properties" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_HOME/server.properties" >> "$LOGS/kafka.log" 2>&1 < /dev/null &
  echo $! > "$PIDS/kafka.pid"
  wait_until 60 "kafka" port_open "$KAFKA_PORT" || fail "kafka: did not open port $KAFKA_PORT; see $LOGS/kafka.log"
  create_topics
}
