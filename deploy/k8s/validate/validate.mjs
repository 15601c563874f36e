// Validates one rendered overlay (kustomize output): every document against its schema (Kubernetes
// kinds: the kubernetes-models package's OpenAPI validators; Strimzi/CloudNativePG kinds: ./crd-schemas.mjs),
// then the rules that tie the manifests to the code: topics as in Topics.java, replication per overlay,
// probes, resources, the environment each service reads, and no Secret values in the repository.
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

// --- services ---------------------------------------------------------------------------------
const configMaps = new Map(ofKind('ConfigMap').map((c) => [c.metadata.name, c.data ?? {}]));
const clusters = new Set(ofKind('Cluster').map((c) => c.metadata.name));
const required = ['DB_URL', 'DB_USER', 'DB_PASSWORD', 'KAFKA_BOOTSTRAP_SERVERS', 'JWT_ISSUER', 'JWT_PUBLIC_KEY_LOCATION'];
for (const dep of ofKind('Deployment')) {
  const pod = dep.spec.template;
  const labels = pod.metadata?.labels ?? {};
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
      if (secretRef && !(secretRef.name.endsWith('-app') && clusters.has(secretRef.name.slice(0, -4)))
          && !documentedSecrets.has(secretRef.name)) {
        fail(where, `env ${e.name}: Secret ${secretRef.name} is neither generated by a CloudNativePG Cluster here nor allowed`);
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
  }
  const selects = (selector) => selector && Object.entries(selector).every(([k, v]) => labels[k] === v);
  if (!ofKind('Service').some((s) => selects(s.spec.selector))) {
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
