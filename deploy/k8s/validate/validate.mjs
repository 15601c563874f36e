// Validates one rendered overlay (kustomize output): every document against its schema (Kubernetes
// kinds: the kubernetes-models package's OpenAPI validators; Strimzi/CloudNativePG kinds: ./crd-schemas.mjs),
// then the rules that tie the manifests to the code: topics as in Topics.java, replication per overlay,
// probes, resources, the environment each service reads, and no Secret values in the repository; and the
// security rules: every Kafka listener authenticated (SCRAM over TLS) and fenced by networkPolicyPeers,
// simple authorization, one KafkaUser per client whose ACLs are exactly that client's needs (the table
// below), NetworkPolicies for every database, Kafka credentials only from Secrets, metrics only on the
// management port, which no Service (hence no Ingress) exposes.
//   node validate.mjs --overlay prod --file rendered.yaml --replication 3 --topics .../Topics.java
import { readFileSync, readdirSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { schemas, check } from './crd-schemas.mjs';

// Secrets an operator creates from the environment: each is documented (placeholders only) by an
// example in deploy/k8s/secrets, which the check validates separately.
const secretsDir = new URL('../secrets/', import.meta.url);
const documentedSecrets = new Set(readdirSync(secretsDir).filter((f) => f.endsWith('.example.yaml'))
  .map((f) => parseAllDocuments(readFileSync(new URL(f, secretsDir), 'utf8'))[0].toJS().metadata.name));

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
  (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const overlay = args.overlay;
const replication = Number(args.replication);
const errors = [];
const fail = (where, message) => errors.push(`${overlay}: ${where}: ${message}`);

// --- parse ------------------------------------------------------------------------------------
const docs = [];
for (const d of parseAllDocuments(readFileSync(args.file, 'utf8'))) {
  if (d.errors.length) {
    d.errors.forEach((e) => fail('yaml', e.message));
  } else if (d.contents !== null) {
    docs.push(d.toJS());
  }
}
const id = (d) => `${d.kind}/${d.metadata?.name}`;
const ofKind = (kind) => docs.filter((d) => d.kind === kind);

// --- schemas ----------------------------------------------------------------------------------
const coreModules = new Map(); // apiVersion -> module of kubernetes-models
async function coreModel(apiVersion, kind) {
  const path = apiVersion.includes('/') ? apiVersion : `v1`;
  if (!coreModules.has(path)) {
    coreModules.set(path, await import(`kubernetes-models/${path}`).catch(() => null));
  }
  return coreModules.get(path)?.[kind];
}
for (const d of docs) {
  if (!d.apiVersion || !d.kind || !d.metadata?.name) {
    fail(JSON.stringify(d).slice(0, 80), 'apiVersion, kind and metadata.name are required');
    continue;
  }
  const crd = schemas[`${d.apiVersion}/${d.kind}`];
  if (crd) {
    check(crd, d).forEach((e) => fail(id(d), e));
    continue;
  }
  const Model = await coreModel(d.apiVersion, d.kind);
  if (!Model) {
    fail(id(d), `no schema for ${d.apiVersion} ${d.kind}`);
    continue;
  }
  try {
    new Model(d).validate();
  } catch (e) {
    fail(id(d), e.message);
  }
}

// The rules below read fields the schemas require: with a schema error they would only fail obscurely.
if (errors.length) {
  report();
}

// --- topics: exactly Topics.java --------------------------------------------------------------
const java = readFileSync(args.topics, 'utf8');
const constants = Object.fromEntries([...java.matchAll(/public static final String (\w+) = "([^"]+)";/g)].map((m) => [m[1], m[2]]));
const expected = [...java.matchAll(/new TopicSpec\((\w+), (\d+), (true|false)\)/g)]
  .map((m) => ({ name: constants[m[1]], partitions: Number(m[2]), compacted: m[3] === 'true' }));
if (expected.length === 0) {
  fail('Topics.java', 'no TopicSpec found (has the file changed shape?)');
}
const topics = new Map(ofKind('KafkaTopic').map((t) => [t.spec?.topicName ?? t.metadata.name, t]));
for (const e of expected) {
  const t = topics.get(e.name);
  if (!t) {
    fail('KafkaTopic', `topic ${e.name} of Topics.java is missing`);
    continue;
  }
  topics.delete(e.name);
  if (t.spec.partitions !== e.partitions) {
    fail(id(t), `partitions ${t.spec.partitions}, Topics.java says ${e.partitions}`);
  }
  const policy = t.spec.config?.['cleanup.policy'] ?? 'delete';
  if ((policy === 'compact') !== e.compacted) {
    fail(id(t), `cleanup.policy ${policy}, Topics.java says compacted=${e.compacted}`);
  }
  if (t.spec.replicas !== replication) {
    fail(id(t), `replicas ${t.spec.replicas}, overlay ${overlay} needs ${replication}`);
  }
  const minIsr = Number(t.spec.config?.['min.insync.replicas'] ?? 1);
  if (minIsr !== Math.max(1, replication - 1)) {
    fail(id(t), `min.insync.replicas ${minIsr}, expected ${Math.max(1, replication - 1)} with ${replication} replicas`);
  }
  if (t.metadata.labels?.['strimzi.io/cluster'] !== ofKind('Kafka')[0]?.metadata.name) {
    fail(id(t), 'label strimzi.io/cluster does not name the Kafka cluster');
  }
}
for (const name of topics.keys()) {
  fail('KafkaTopic', `topic ${name} is not in Topics.java`);
}

// --- Kafka: replication and KRaft node pools ----------------------------------------------------
for (const k of ofKind('Kafka')) {
  const cfg = k.spec.kafka.config ?? {};
  for (const key of ['default.replication.factor', 'offsets.topic.replication.factor', 'transaction.state.log.replication.factor']) {
    if (Number(cfg[key]) !== replication) {
      fail(id(k), `${key} ${cfg[key]}, overlay ${overlay} needs ${replication}`);
    }
  }
  if (k.metadata.annotations?.['strimzi.io/kraft'] !== 'enabled' || k.metadata.annotations?.['strimzi.io/node-pools'] !== 'enabled') {
    fail(id(k), 'needs annotations strimzi.io/kraft and strimzi.io/node-pools = enabled');
  }
  const pools = ofKind('KafkaNodePool').filter((p) => p.metadata.labels?.['strimzi.io/cluster'] === k.metadata.name);
  const count = (role) => pools.filter((p) => p.spec.roles.includes(role)).reduce((n, p) => n + p.spec.replicas, 0);
  if (count('broker') < replication) {
    fail(id(k), `${count('broker')} broker(s) cannot hold ${replication} replicas`);
  }
  if (count('controller') % 2 !== 1) {
    fail(id(k), `${count('controller')} KRaft controllers: the quorum needs an odd number`);
  }
}

// --- Kafka security: listeners, authorization, users and their ACLs ---------------------------
// What each client does, from common's code (OutboxRelay, IdempotentConsumers, ConsumerSpec, the
// services' consumers and the alert stream): the topics it writes and reads, its consumer-group prefix
// (none for a client that consumes nothing) and the prefix of its outbox's transactional ids. Its KafkaUser
// must grant exactly this.
const kafkaClients = {
  'observation-service': {
    writes: ['observations', 'observations.public', 'species', 'plots.dlq', 'stations.dlq', 'geography.dlq'],
    reads: ['plots', 'stations', 'geography'],
    groupPrefix: 'observation-service', transactionalIdPrefix: 'observation-service-outbox-', deployment: true,
  },
  'sampling-plot-service': {
    writes: ['plots', 'stations', 'geography', 'surveys', 'observations.dlq'],
    reads: ['observations'],
    groupPrefix: 'sampling-plot-service', transactionalIdPrefix: 'sampling-plot-service-outbox-', deployment: true,
  },
  // Produces patrols through its outbox; consumes plots and geography (AreaEventsConsumer, read model of areas).
  'patrol-service': {
    writes: ['patrols', 'plots.dlq', 'geography.dlq'],
    reads: ['plots', 'geography'],
    groupPrefix: 'patrol-service', transactionalIdPrefix: 'patrol-service-outbox-', deployment: true,
  },
  // Consumes observations, alerts, patrols, plots, geography, control cases and stations into its read model
  // (ReadModelConsumers); produces bulletins.
  'bulletin-service': {
    writes: ['bulletins', 'observations.dlq', 'alerts.dlq', 'patrols.dlq', 'plots.dlq', 'geography.dlq', 'control-cases.dlq',
      'stations.dlq', 'surveys.dlq', 'species.dlq'],
    reads: ['observations', 'alerts', 'patrols', 'plots', 'geography', 'control-cases', 'stations', 'surveys', 'species'],
    groupPrefix: 'bulletin-service', transactionalIdPrefix: 'bulletin-service-outbox-', deployment: true,
  },
  'alert-service': {
    writes: ['alerts', 'observations.dlq', 'patrols.dlq', 'control-cases', 'bulletins.dlq'],
    // alerts: the live stream (/alerts/stream) reads them back; bulletins: sent on to subscribers
    reads: ['observations', 'patrols', 'alerts', 'bulletins'],
    groupPrefix: 'alert-service', transactionalIdPrefix: 'alert-service-outbox-', deployment: true,
  },
  // Outside agencies: read-only, generalized observations only.
  'agency-reader': { writes: [], reads: ['observations.public'], groupPrefix: 'agency-' },
  // Operators replaying dead letters (docs/operations.md).
  'dlq-replay': {
    writes: ['observations', 'plots', 'stations', 'patrols', 'geography', 'alerts', 'bulletins', 'control-cases', 'surveys',
      'species'],
    reads: ['observations.dlq', 'plots.dlq', 'stations.dlq', 'patrols.dlq', 'geography.dlq', 'alerts.dlq', 'bulletins.dlq',
      'control-cases.dlq', 'surveys.dlq', 'species.dlq'],
    groupPrefix: 'dlq-replay-',
  },
};
const expectedAcls = (need) => {
  const acls = new Set();
  for (const t of need.writes) ['Write', 'Describe'].forEach((op) => acls.add(`topic|${t}|literal|${op}`));
  for (const t of need.reads) ['Read', 'Describe'].forEach((op) => acls.add(`topic|${t}|literal|${op}`));
  if (need.groupPrefix) {
    acls.add(`group|${need.groupPrefix}|prefix|Read`);
  }
  if (need.transactionalIdPrefix) {
    ['Write', 'Describe'].forEach((op) => acls.add(`transactionalId|${need.transactionalIdPrefix}|prefix|${op}`));
  }
  return acls;
};
const topicNames = new Set(expected.map((e) => e.name));
for (const [user, need] of Object.entries(kafkaClients)) {
  [...need.writes, ...need.reads].filter((t) => !topicNames.has(t))
    .forEach((t) => fail(`KafkaUser ${user}`, `the check's table names topic ${t}, which Topics.java does not have`));
}
const kafka = ofKind('Kafka')[0];
const caSecret = `${kafka?.metadata.name}-cluster-ca-cert`;
const tlsListener = (kafka?.spec.kafka.listeners ?? []).find((l) => l.tls && l.type === 'internal');
for (const k of ofKind('Kafka')) {
  for (const l of k.spec.kafka.listeners) {
    const where = `${id(k)} listener ${l.name}`;
    // SCRAM sends a salted proof, not the password, but the records themselves would travel in clear.
    if (l.authentication?.type !== 'scram-sha-512' && l.authentication?.type !== 'tls') {
      fail(where, 'has no authentication (scram-sha-512 or tls): every client must be a KafkaUser');
    }
    if (!l.tls) {
      fail(where, 'is not TLS: records (exact points of sensitive species) would cross the network in clear');
    }
    if (!(l.networkPolicyPeers ?? []).length) {
      fail(where, 'has no networkPolicyPeers: Strimzi would let every pod of the cluster reach it');
    }
    for (const peer of l.networkPolicyPeers ?? []) {
      if (peer.ipBlock || (!peer.podSelector && !peer.namespaceSelector)
          || (peer.podSelector && !Object.keys(peer.podSelector).length)
          || (peer.namespaceSelector && !Object.keys(peer.namespaceSelector).length)) {
        fail(where, `networkPolicyPeer ${JSON.stringify(peer)} is too wide: name the pods or a labelled namespace`);
      }
    }
    for (const dep of ofKind('Deployment')) {
      const app = dep.spec.template.metadata?.labels?.['app.kubernetes.io/name'];
      const admitted = (l.networkPolicyPeers ?? []).some((p) => p.podSelector?.matchLabels?.['app.kubernetes.io/name'] === app);
      if (!admitted) {
        fail(where, `networkPolicyPeers do not admit ${id(dep)} (podSelector app.kubernetes.io/name: ${app})`);
      }
    }
  }
  if (k.spec.kafka.authorization?.type !== 'simple') {
    fail(id(k), 'needs authorization type simple: without it every authenticated user may do anything');
  }
  if ((k.spec.kafka.authorization?.superUsers ?? []).length) {
    fail(id(k), `superUsers ${k.spec.kafka.authorization.superUsers}: no client may bypass its ACLs`);
  }
}
const users = new Map();
for (const u of ofKind('KafkaUser')) {
  const where = id(u);
  if (users.has(u.metadata.name)) {
    fail(where, 'declared twice');
  }
  users.set(u.metadata.name, u);
  if (u.metadata.labels?.['strimzi.io/cluster'] !== kafka?.metadata.name) {
    fail(where, 'label strimzi.io/cluster does not name the Kafka cluster');
  }
  if (u.spec.authentication?.type !== 'scram-sha-512') {
    fail(where, 'authentication must be scram-sha-512 (the listener\'s)');
  }
  const need = kafkaClients[u.metadata.name];
  if (!need) {
    fail(where, 'is not in the check\'s table of Kafka clients: add what it needs there, or remove it');
    continue;
  }
  const granted = new Set();
  for (const acl of u.spec.authorization?.acls ?? []) {
    const r = acl.resource;
    if ((acl.type ?? 'allow') !== 'allow' || acl.host && acl.host !== '*') {
      fail(where, `ACL ${JSON.stringify(acl)}: only allow rules for any host are expected`);
    }
    if (r.type === 'cluster' || r.name === '*' || (r.name ?? '') === '' || acl.operations.includes('All')) {
      fail(where, `ACL ${JSON.stringify(acl)} is too wide (cluster, '*', an empty prefix or All)`);
    }
    acl.operations.forEach((op) => granted.add(`${r.type}|${r.name}|${r.patternType ?? 'literal'}|${op}`));
  }
  const wanted = expectedAcls(need);
  [...granted].filter((a) => !wanted.has(a)).forEach((a) => fail(where, `grants ${a.replaceAll('|', ' ')}, which it does not need`));
  [...wanted].filter((a) => !granted.has(a)).forEach((a) => fail(where, `lacks ${a.replaceAll('|', ' ')}, which its code needs`));
}
Object.keys(kafkaClients).filter((n) => !users.has(n)).forEach((n) => fail('KafkaUser', `${n} is missing`));

// --- NetworkPolicies: default deny, each database only from its service and CloudNativePG -------
const policies = ofKind('NetworkPolicy');
const selectsAll = (sel) => !sel || (!Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length);
// The values a selector requires for key (matchLabels or an In expression); null when it does not constrain key.
const required_ = (sel, key) => sel?.matchLabels?.[key] !== undefined ? [sel.matchLabels[key]]
  : (sel?.matchExpressions ?? []).find((e) => e.key === key && e.operator === 'In')?.values ?? null;
if (!policies.some((p) => selectsAll(p.spec.podSelector) && p.spec.policyTypes?.includes('Ingress') && !(p.spec.ingress ?? []).length)) {
  fail('NetworkPolicy', 'no default-deny-ingress policy (podSelector {}, policyTypes [Ingress], no rules)');
}
const serviceApps = ofKind('Deployment').map((d) => d.spec.template.metadata?.labels?.['app.kubernetes.io/name']);
for (const p of policies) {
  const onlyServices = (required_(p.spec.podSelector, 'app.kubernetes.io/name') ?? []).length > 0
    && required_(p.spec.podSelector, 'app.kubernetes.io/name').every((a) => serviceApps.includes(a));
  for (const rule of p.spec.ingress ?? []) {
    const ports = (rule.ports ?? []).map((x) => x.port);
    if (!(rule.from ?? []).length && !(onlyServices && ports.length && ports.every((x) => x === 'http'))) {
      fail(id(p), `an ingress rule without 'from' admits every pod and address (allowed only for the services' http port)`);
    }
    if (ports.includes('management') && (rule.from ?? []).some((peer) => selectsAll(peer.namespaceSelector) && selectsAll(peer.podSelector))) {
      fail(id(p), 'admits the management port (metrics) from every namespace: name the monitoring namespace');
    }
    if ((rule.from ?? []).some((peer) => peer.ipBlock)) {
      fail(id(p), 'ipBlock peers are not expected inside the cluster');
    }
  }
}
const dbOwners = new Map(); // cluster -> app names of the Deployments whose DB_URL points at it
for (const dep of ofKind('Deployment')) {
  for (const c of dep.spec.template.spec.containers) {
    const url = (c.env ?? []).find((e) => e.name === 'DB_URL')?.value ?? '';
    const host = /^jdbc:postgresql:\/\/([^:/]+)/.exec(url)?.[1] ?? '';
    if (host.endsWith('-rw')) {
      const cluster = host.slice(0, -3);
      dbOwners.set(cluster, [...(dbOwners.get(cluster) ?? []), dep.spec.template.metadata.labels['app.kubernetes.io/name']]);
    }
  }
}
for (const cluster of ofKind('Cluster')) {
  const name = cluster.metadata.name;
  const guarding = policies.filter((p) => (required_(p.spec.podSelector, 'cnpg.io/cluster') ?? []).includes(name));
  if (!guarding.length) {
    fail(id(cluster), 'no NetworkPolicy selects its pods (cnpg.io/cluster)');
    continue;
  }
  const owners = dbOwners.get(name) ?? [];
  for (const p of guarding) {
    for (const rule of p.spec.ingress ?? []) {
      for (const peer of rule.from ?? []) {
        const apps = required_(peer.podSelector, 'app.kubernetes.io/name');
        const own = required_(peer.podSelector, 'cnpg.io/cluster');
        const operatorNs = required_(peer.namespaceSelector, 'kubernetes.io/metadata.name');
        const ok = (peer.namespaceSelector === undefined && apps && apps.every((a) => owners.includes(a)))
          || (peer.namespaceSelector === undefined && own && own.every((c) => c === name))
          || (operatorNs && apps && apps.every((a) => a === 'cloudnative-pg'));
        if (!ok) {
          fail(id(p), `admits ${JSON.stringify(peer)} to ${name}: only ${owners.join(', ') || 'its service'}, its own instances and the CloudNativePG operator may connect`);
        }
      }
    }
  }
  const admitted = guarding.flatMap((p) => (p.spec.ingress ?? []).flatMap((r) => r.from ?? []))
    .flatMap((peer) => required_(peer.podSelector, 'app.kubernetes.io/name') ?? []);
  owners.filter((o) => !admitted.includes(o)).forEach((o) => fail(id(cluster), `its NetworkPolicy does not admit its service ${o}`));
}

// --- services ---------------------------------------------------------------------------------
const configMaps = new Map(ofKind('ConfigMap').map((c) => [c.metadata.name, c.data ?? {}]));
const clusters = new Set(ofKind('Cluster').map((c) => c.metadata.name));
// Secrets that exist without the repository: CloudNativePG's <cluster>-app, a KafkaUser's (same name),
// Strimzi's cluster CA, and the ones documented under deploy/k8s/secrets.
const knownSecret = (name) => (name.endsWith('-app') && clusters.has(name.slice(0, -4))) || users.has(name)
  || name === caSecret || documentedSecrets.has(name);
const required = ['DB_URL', 'DB_USER', 'DB_PASSWORD', 'KAFKA_BOOTSTRAP_SERVERS', 'JWT_ISSUER', 'JWT_PUBLIC_KEY_LOCATION',
  'KAFKA_SECURITY_PROTOCOL', 'KAFKA_SASL_MECHANISM', 'KAFKA_SASL_JAAS_CONFIG', 'KAFKA_SSL_TRUSTSTORE_LOCATION',
  'KAFKA_SSL_TRUSTSTORE_PASSWORD', 'KAFKA_SSL_TRUSTSTORE_TYPE', 'QUARKUS_MANAGEMENT_PORT', 'QUARKUS_MANAGEMENT_HOST'];
const services = ofKind('Service');
for (const dep of ofKind('Deployment')) {
  const pod = dep.spec.template;
  const labels = pod.metadata?.labels ?? {};
  const selects = (selector) => selector && Object.entries(selector).every(([k, v]) => labels[k] === v);
  for (const c of pod.spec.containers) {
    const where = `${id(dep)} container ${c.name}`;
    const probes = { startupProbe: '/q/health/started', livenessProbe: '/q/health/live', readinessProbe: '/q/health/ready' };
    for (const [probe, path] of Object.entries(probes)) {
      if (c[probe]?.httpGet?.path !== path) {
        fail(where, `${probe} must GET ${path}`);
      }
    }
    for (const r of ['cpu', 'memory']) {
      if (!c.resources?.requests?.[r]) {
        fail(where, `resources.requests.${r} missing`);
      }
    }
    if (!c.resources?.limits?.memory) {
      fail(where, 'resources.limits.memory missing');
    }
    if (!c.image) {
      fail(where, 'no image');
    }
    const env = new Map();
    for (const e of c.env ?? []) {
      env.set(e.name, e);
      const cmRef = e.valueFrom?.configMapKeyRef;
      if (cmRef && !(configMaps.get(cmRef.name) ?? {})[cmRef.key]) {
        fail(where, `env ${e.name}: ConfigMap ${cmRef.name} has no key ${cmRef.key}`);
      }
      const secretRef = e.valueFrom?.secretKeyRef;
      if (secretRef && !knownSecret(secretRef.name)) {
        fail(where, `env ${e.name}: Secret ${secretRef.name} is neither generated by an operator here (CloudNativePG, Strimzi) nor documented`);
      }
      if (/PASSWORD|SECRET|TOKEN|KEY$/.test(e.name) && e.value !== undefined && e.name !== 'JWT_PUBLIC_KEY_LOCATION') {
        fail(where, `env ${e.name} has a literal value: secrets come from Secrets`);
      }
    }
    for (const from of c.envFrom ?? []) {
      const data = from.configMapRef ? configMaps.get(from.configMapRef.name) : null;
      if (from.configMapRef && !data) {
        fail(where, `envFrom ConfigMap ${from.configMapRef.name} is not in the overlay`);
      }
      Object.keys(data ?? {}).forEach((k) => env.has(k) || env.set(k, { name: k, value: data[k] }));
    }
    for (const name of required) {
      if (!env.has(name)) {
        fail(where, `env ${name} is not set (the service reads it)`);
      }
    }
    const dbUrl = env.get('DB_URL')?.value ?? '';
    const host = /^jdbc:postgresql:\/\/([^:/]+)/.exec(dbUrl)?.[1];
    if (!host || !(host.endsWith('-rw') && clusters.has(host.slice(0, -3)))) {
      fail(where, `DB_URL ${dbUrl} does not point at the read-write service of a Cluster here`);
    }
    const jwks = env.get('JWT_PUBLIC_KEY_LOCATION')?.value ?? '';
    if (overlay === 'prod' && !jwks.startsWith('https://')) {
      fail(where, `JWT_PUBLIC_KEY_LOCATION must be an https JWKS URL in prod, is ${jwks}`);
    }

    // Kafka: SCRAM over TLS as the service's own KafkaUser, credentials only from Secrets.
    const app = labels['app.kubernetes.io/name'];
    const literal = (name) => env.get(name)?.value;
    const fromSecret = (name) => env.get(name)?.valueFrom?.secretKeyRef;
    if (literal('KAFKA_BOOTSTRAP_SERVERS') !== `${kafka?.metadata.name}-kafka-bootstrap:${tlsListener?.port}`) {
      fail(where, `KAFKA_BOOTSTRAP_SERVERS ${literal('KAFKA_BOOTSTRAP_SERVERS')} is not the TLS listener ${kafka?.metadata.name}-kafka-bootstrap:${tlsListener?.port}`);
    }
    if (literal('KAFKA_SECURITY_PROTOCOL') !== 'SASL_SSL' || literal('KAFKA_SASL_MECHANISM') !== 'SCRAM-SHA-512') {
      fail(where, 'Kafka must be reached with KAFKA_SECURITY_PROTOCOL=SASL_SSL and KAFKA_SASL_MECHANISM=SCRAM-SHA-512');
    }
    const jaas = fromSecret('KAFKA_SASL_JAAS_CONFIG');
    if (!jaas || jaas.name !== app || jaas.key !== 'sasl.jaas.config' || !users.has(app)) {
      fail(where, `KAFKA_SASL_JAAS_CONFIG must come from the Secret of KafkaUser ${app} (secretKeyRef ${app}/sasl.jaas.config)`);
    }
    const caPassword = fromSecret('KAFKA_SSL_TRUSTSTORE_PASSWORD');
    if (!caPassword || caPassword.name !== caSecret || caPassword.key !== 'ca.password') {
      fail(where, `KAFKA_SSL_TRUSTSTORE_PASSWORD must come from Secret ${caSecret} key ca.password`);
    }
    const store = literal('KAFKA_SSL_TRUSTSTORE_LOCATION') ?? '';
    const mounted = (c.volumeMounts ?? []).some((m) => {
      const v = (pod.spec.volumes ?? []).find((x) => x.name === m.name);
      return v?.secret?.secretName === caSecret && (v.secret.items ?? []).some((i) => i.key === 'ca.p12' && store === `${m.mountPath}/${i.path}`);
    });
    if (!mounted || literal('KAFKA_SSL_TRUSTSTORE_TYPE') !== 'PKCS12') {
      fail(where, `KAFKA_SSL_TRUSTSTORE_LOCATION ${store} must be ca.p12 of Secret ${caSecret}, mounted (type PKCS12)`);
    }
    for (const name of ['KAFKA_SASL_JAAS_CONFIG', 'KAFKA_SSL_TRUSTSTORE_PASSWORD']) {
      if (literal(name) !== undefined) {
        fail(where, `env ${name} has a literal value: credentials come from Secrets`);
      }
    }
    for (const v of pod.spec.volumes ?? []) {
      if (v.secret && !knownSecret(v.secret.secretName)) {
        fail(where, `volume ${v.name}: Secret ${v.secret.secretName} is neither generated by an operator here nor documented`);
      }
    }

    // Metrics only on the management port: its own container port, what Prometheus scrapes, and no
    // Service (so no Ingress) reaches it. Probes stay on the HTTP port, where health is served.
    const managementPort = Number(literal('QUARKUS_MANAGEMENT_PORT'));
    const portNamed = (n) => (c.ports ?? []).find((x) => x.name === n);
    if (portNamed('management')?.containerPort !== managementPort || managementPort === portNamed('http')?.containerPort) {
      fail(where, `container port 'management' must be QUARKUS_MANAGEMENT_PORT (${managementPort}), apart from 'http'`);
    }
    if (literal('QUARKUS_MANAGEMENT_HOST') !== '0.0.0.0') {
      fail(where, 'QUARKUS_MANAGEMENT_HOST must be 0.0.0.0, or Prometheus cannot reach the metrics');
    }
    const annotations = pod.metadata?.annotations ?? {};
    if (annotations['prometheus.io/scrape'] === 'true' && Number(annotations['prometheus.io/port']) !== managementPort) {
      fail(where, `prometheus.io/port ${annotations['prometheus.io/port']}: metrics are on the management port ${managementPort}`);
    }
    for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
      const port = c[probe]?.httpGet?.port;
      if (port !== 'http' && port !== portNamed('http')?.containerPort) {
        fail(where, `${probe} must use the http port (health stays there), uses ${port}`);
      }
    }
    for (const svc of services.filter((x) => selects(x.spec.selector))) {
      for (const sp of svc.spec.ports ?? []) {
        const target = sp.targetPort ?? sp.port;
        if (target === 'management' || target === managementPort) {
          fail(id(svc), `port ${sp.name ?? sp.port} targets the management port of ${id(dep)}: metrics must not be routable`);
        }
      }
    }
  }
  if (!services.some((s) => selects(s.spec.selector))) {
    fail(id(dep), 'no Service selects its pods');
  }
  if (!ofKind('PodDisruptionBudget').some((p) => selects(p.spec.selector?.matchLabels))) {
    fail(id(dep), 'no PodDisruptionBudget covers its pods');
  }
  if (!ofKind('HorizontalPodAutoscaler').some((h) => h.spec.scaleTargetRef.kind === 'Deployment' && h.spec.scaleTargetRef.name === dep.metadata.name)) {
    fail(id(dep), 'no HorizontalPodAutoscaler scales it');
  }
}
for (const h of ofKind('HorizontalPodAutoscaler')) {
  if (!ofKind('Deployment').some((d) => d.metadata.name === h.spec.scaleTargetRef.name)) {
    fail(id(h), `scales ${h.spec.scaleTargetRef.name}, which is not here`);
  }
}
for (const b of ofKind('ScheduledBackup')) {
  const cluster = ofKind('Cluster').find((c) => c.metadata.name === b.spec.cluster.name);
  if (!cluster) {
    fail(id(b), `cluster ${b.spec.cluster.name} is not here`);
  } else if (b.spec.method !== 'volumeSnapshot' && !cluster.spec.backup?.barmanObjectStore) {
    fail(id(b), `cluster ${cluster.metadata.name} has no backup.barmanObjectStore`);
  }
}
// Secrets are created outside the repository (or by the operators): none may be rendered.
for (const s of ofKind('Secret')) {
  fail(id(s), 'Secrets must not be part of the manifests: reference an externally created Secret');
}

function report() {
  errors.forEach((e) => console.error(`  ${e}`));
  console.error(`${overlay}: ${errors.length} problem(s) in ${docs.length} documents`);
  process.exit(1);
}
if (errors.length) {
  report();
}
const kinds = [...new Set(docs.map((d) => d.kind))].sort().join(', ');
console.log(`${overlay}: ${docs.length} documents valid (${kinds}); ${expected.length} topics match Topics.java`);
