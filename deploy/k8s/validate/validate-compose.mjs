// deploy/compose.yaml cannot be run here (no Docker engine): check its YAML and the parts that drift —
// service references, the environment each service reads, and the topics against Topics.java.
//   node validate-compose.mjs deploy/compose.yaml
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseDocument } from 'yaml';

const file = process.argv[2];
const errors = [];
const doc = parseDocument(readFileSync(file, 'utf8'), { merge: true });
doc.errors.forEach((e) => errors.push(`yaml: ${e.message}`));
const compose = doc.toJS({ maxAliasCount: 100 }) ?? {};
const services = compose.services ?? {};

const repo = join(dirname(file), '..');
const java = readFileSync(join(repo, 'common/src/main/java/cn/jiaozuo/biodiversity/common/events/Topics.java'), 'utf8');
const constants = Object.fromEntries([...java.matchAll(/public static final String (\w+) = "([^"]+)";/g)].map((m) => [m[1], m[2]]));
const expected = [...java.matchAll(/new TopicSpec\((\w+), (\d+), (true|false)\)/g)]
  .map((m) => `${constants[m[1]]} ${m[2]} ${m[3] === 'true' ? 'compact' : 'delete'}`).sort();

for (const [name, s] of Object.entries(services)) {
  if (!s.image && !s.build) {
    errors.push(`${name}: neither image nor build`);
  }
  for (const dep of Object.keys(s.depends_on ?? {})) {
    if (!services[dep]) {
      errors.push(`${name}: depends on unknown service ${dep}`);
    }
  }
  for (const config of s.configs ?? []) {
    if (!compose.configs?.[config.source ?? config]) {
      errors.push(`${name}: unknown config ${config.source ?? config}`);
    }
  }
}
for (const name of ['observation-service', 'sampling-plot-service', 'patrol-service', 'alert-service']) {
  const env = services[name]?.environment ?? {};
  for (const key of ['DB_URL', 'DB_USER', 'DB_PASSWORD', 'KAFKA_BOOTSTRAP_SERVERS', 'JWT_ISSUER', 'JWT_PUBLIC_KEY_LOCATION']) {
    if (!(key in env)) {
      errors.push(`${name}: environment ${key} missing`);
    }
  }
  if (env.DB_PASSWORD && !String(env.DB_PASSWORD).startsWith('${')) {
    errors.push(`${name}: DB_PASSWORD must come from the environment, not the file`);
  }
}
// Its Kafka has no users and no TLS (a local stand-in): it must not be reachable from outside.
if (services.kafka?.ports?.length) {
  errors.push('kafka: publishes ports, but this broker has no authentication: keep it inside the compose network');
}
const script = [].concat(services['kafka-topics']?.command ?? []).join('\n');
const created = [...script.matchAll(/^\s*create (\S+) (\d+) (\S+)\s*$/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`).sort();
if (JSON.stringify(created) !== JSON.stringify(expected)) {
  errors.push(`kafka-topics creates [${created.join(', ')}], Topics.java has [${expected.join(', ')}]`);
}

if (errors.length) {
  errors.forEach((e) => console.error(`  compose: ${e}`));
  process.exit(1);
}
console.log(`compose: ${Object.keys(services).length} services valid; ${created.length} topics match Topics.java`);
