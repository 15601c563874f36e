// Secret examples under deploy/k8s/secrets document a Secret's shape: every value must be a <placeholder>,
// so a real credential pasted into one fails the check. Each is also validated as a Kubernetes Secret.
//   node validate-secret-examples.mjs deploy/k8s/secrets/*.example.yaml
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { Secret } from 'kubernetes-models/v1';

const errors = [];
for (const file of process.argv.slice(2)) {
  for (const d of parseAllDocuments(readFileSync(file, 'utf8'))) {
    d.errors.forEach((e) => errors.push(`${file}: yaml: ${e.message}`));
    const s = d.toJS();
    if (!s) {
      continue;
    }
    if (s.kind !== 'Secret') {
      errors.push(`${file}: ${s.kind} is not a Secret`);
      continue;
    }
    try {
      new Secret(s).validate();
    } catch (e) {
      errors.push(`${file}: ${e.message}`);
    }
    if (s.data) {
      errors.push(`${file}: data (base64) hides its values; use stringData with <placeholders>`);
    }
    for (const [key, value] of Object.entries(s.stringData ?? {})) {
      if (!/^<[^<>]+>$/.test(String(value))) {
        errors.push(`${file}: ${key} is not a <placeholder>`);
      }
    }
  }
}
if (errors.length) {
  errors.forEach((e) => console.error(`  secrets: ${e}`));
  process.exit(1);
}
console.log(`secrets: ${process.argv.length - 2} example(s) hold placeholders only`);
