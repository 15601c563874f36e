// Schemas of the Strimzi (kafka.strimzi.io/v1beta2) and CloudNativePG (postgresql.cnpg.io/v1) kinds
// this deployment uses, transcribed from the operators' CRDs for the fields we set. Neither operator
// publishes its CRDs to a registry reachable here, so they are vendored as this subset. Stricter than
// the CRDs on purpose: a field not listed here fails the check (a typo would otherwise be silently
// ignored by the operator), so using a new CRD field means adding it here from the operator's CRD.

const str = { type: 'string' };
const bool = { type: 'boolean' };
const int = (minimum) => (minimum === undefined ? { type: 'integer' } : { type: 'integer', minimum });
const quantity = { type: ['string', 'integer'] };
const obj = (properties, required = []) => ({ type: 'object', properties, required, additionalProperties: false });
const map = (values) => ({ type: 'object', additionalProperties: values });
const arr = (items) => ({ type: 'array', items });
const anyObject = { type: 'object' };
const metadata = obj({
  name: str, namespace: str, labels: map(str), annotations: map(str),
}, ['name']);
const resources = obj({ requests: map(quantity), limits: map(quantity) });
const secretKey = obj({ name: str, key: str }, ['name', 'key']);

// --- Strimzi ---------------------------------------------------------------------------------
// Selectors as in Kubernetes' LabelSelector and NetworkPolicyPeer (networking.k8s.io/v1).
const labelSelector = obj({
  matchLabels: map(str),
  matchExpressions: arr(obj({ key: str, operator: { enum: ['In', 'NotIn', 'Exists', 'DoesNotExist'] }, values: arr(str) }, ['key', 'operator'])),
});
const networkPolicyPeer = obj({
  podSelector: labelSelector,
  namespaceSelector: labelSelector,
  ipBlock: obj({ cidr: str, except: arr(str) }, ['cidr']),
});

const listener = obj({
  name: { type: 'string', pattern: '^[a-z0-9]{1,11}$' },
  port: int(9092),
  type: { enum: ['internal', 'route', 'loadbalancer', 'nodeport', 'ingress', 'cluster-ip'] },
  tls: bool,
  authentication: obj({
    type: { enum: ['tls', 'scram-sha-512', 'oauth', 'custom'] },
    sasl: bool,
    listenerConfig: anyObject,
    secrets: arr(anyObject),
  }, ['type']),
  configuration: anyObject,
  networkPolicyPeers: arr(networkPolicyPeer),
}, ['name', 'port', 'type', 'tls']);

// KafkaUser ACL rules (type simple); `operation` (singular) is deprecated in favour of `operations`.
const aclRule = obj({
  type: { enum: ['allow', 'deny'] },
  resource: obj({
    type: { enum: ['topic', 'group', 'cluster', 'transactionalId'] },
    name: str,
    patternType: { enum: ['literal', 'prefix'] },
  }, ['type']),
  host: str,
  operations: { ...arr({ enum: ['Read', 'Write', 'Create', 'Delete', 'Alter', 'Describe', 'ClusterAction', 'AlterConfigs', 'DescribeConfigs', 'IdempotentWrite', 'All'] }), minItems: 1 },
}, ['resource', 'operations']);

const persistentVolume = obj({
  id: int(0),
  type: { enum: ['ephemeral', 'persistent-claim'] },
  size: str,
  sizeLimit: str,
  class: str,
  deleteClaim: bool,
  kraftMetadata: { enum: ['shared'] },
}, ['type']);

const storage = obj({
  type: { enum: ['ephemeral', 'persistent-claim', 'jbod'] },
  size: str,
  class: str,
  deleteClaim: bool,
  kraftMetadata: { enum: ['shared'] },
  volumes: arr(persistentVolume),
}, ['type']);

const strimziCommon = { apiVersion: str, kind: str, metadata };

export const schemas = {
  'kafka.strimzi.io/v1beta2/Kafka': obj({
    ...strimziCommon,
    spec: obj({
      kafka: obj({
        version: str,
        metadataVersion: str,
        listeners: { ...arr(listener), minItems: 1 },
        config: map({ type: ['string', 'integer', 'boolean', 'number'] }),
        authorization: obj({
          type: { enum: ['simple', 'opa', 'keycloak', 'custom'] },
          superUsers: arr(str),
        }, ['type']),
        resources,
        jvmOptions: anyObject,
        template: anyObject,
        metricsConfig: anyObject,
        rack: anyObject,
      }, ['listeners']),
      entityOperator: obj({ topicOperator: anyObject, userOperator: anyObject, template: anyObject }),
      cruiseControl: anyObject,
      kafkaExporter: anyObject,
    }, ['kafka']),
  }, ['apiVersion', 'kind', 'metadata', 'spec']),

  'kafka.strimzi.io/v1beta2/KafkaNodePool': obj({
    ...strimziCommon,
    spec: obj({
      replicas: int(0),
      roles: { ...arr({ enum: ['controller', 'broker'] }), minItems: 1 },
      storage,
      resources,
      jvmOptions: anyObject,
      template: anyObject,
    }, ['replicas', 'storage', 'roles']),
  }, ['apiVersion', 'kind', 'metadata', 'spec']),

  'kafka.strimzi.io/v1beta2/KafkaTopic': obj({
    ...strimziCommon,
    spec: obj({
      topicName: str,
      partitions: int(1),
      replicas: { type: 'integer', minimum: 1, maximum: 32767 },
      config: map({ type: ['string', 'integer', 'boolean', 'number'] }),
    }),
  }, ['apiVersion', 'kind', 'metadata', 'spec']),

  'kafka.strimzi.io/v1beta2/KafkaUser': obj({
    ...strimziCommon,
    spec: obj({
      authentication: obj({
        type: { enum: ['tls', 'tls-external', 'scram-sha-512'] },
        password: anyObject,
      }, ['type']),
      authorization: obj({ type: { enum: ['simple'] }, acls: arr(aclRule) }, ['type', 'acls']),
      quotas: obj({
        producerByteRate: int(0), consumerByteRate: int(0), requestPercentage: int(0), controllerMutationRate: { type: 'number' },
      }),
      template: anyObject,
    }),
  }, ['apiVersion', 'kind', 'metadata', 'spec']),

  // --- CloudNativePG ---------------------------------------------------------------------------
  'postgresql.cnpg.io/v1/Cluster': obj({
    apiVersion: str, kind: str, metadata,
    spec: obj({
      instances: int(1),
      imageName: str,
      primaryUpdateStrategy: { enum: ['unsupervised', 'supervised'] },
      primaryUpdateMethod: { enum: ['switchover', 'restart'] },
      bootstrap: obj({
        initdb: obj({ database: str, owner: str, secret: obj({ name: str }, ['name']), postInitApplicationSQL: arr(str) }),
        recovery: anyObject,
        pg_basebackup: anyObject,
      }),
      externalClusters: arr(anyObject),
      postgresql: obj({ parameters: map(str), pg_hba: arr(str) }),
      storage: obj({ size: str, storageClass: str, resizeInUseVolumes: bool, pvcTemplate: anyObject }),
      walStorage: obj({ size: str, storageClass: str }),
      resources,
      affinity: anyObject,
      monitoring: obj({ enablePodMonitor: bool }),
      backup: obj({
        retentionPolicy: { type: 'string', pattern: '^[1-9][0-9]*[dwm]$' },
        barmanObjectStore: obj({
          destinationPath: { type: 'string', minLength: 1 },
          endpointURL: str,
          serverName: str,
          s3Credentials: obj({ accessKeyId: secretKey, secretAccessKey: secretKey, region: secretKey, sessionToken: secretKey, inheritFromIAMRole: bool }),
          wal: obj({ compression: { enum: ['bzip2', 'gzip', 'lz4', 'snappy', 'xz', 'zstd'] }, maxParallel: int(1) }),
          data: obj({ compression: { enum: ['bzip2', 'gzip', 'lz4', 'snappy', 'xz', 'zstd'] }, jobs: int(1) }),
        }, ['destinationPath']),
        volumeSnapshot: anyObject,
      }),
    }, ['instances']),
  }, ['apiVersion', 'kind', 'metadata', 'spec']),

  'postgresql.cnpg.io/v1/ScheduledBackup': obj({
    apiVersion: str, kind: str, metadata,
    spec: obj({
      // Six fields (seconds first), as the operator's cron parser expects.
      schedule: { type: 'string', pattern: '^\\S+( \\S+){5}$' },
      cluster: obj({ name: str }, ['name']),
      backupOwnerReference: { enum: ['none', 'self', 'cluster'] },
      method: { enum: ['barmanObjectStore', 'volumeSnapshot', 'plugin'] },
      immediate: bool,
      suspend: bool,
      target: { enum: ['primary', 'prefer-standby'] },
    }, ['schedule', 'cluster']),
  }, ['apiVersion', 'kind', 'metadata', 'spec']),
};

/** Validates value against schema; returns a list of "path: message" errors. */
export function check(schema, value, path = '') {
  const errors = [];
  const types = schema.type === undefined ? null : [].concat(schema.type);
  if (types) {
    const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : Number.isInteger(value) ? 'integer' : typeof value;
    const ok = types.some((t) => t === actual || (t === 'number' && actual === 'integer'));
    if (!ok) {
      return [`${path || '/'}: must be ${types.join(' or ')}, is ${actual}`];
    }
  }
  if (schema.enum && !schema.enum.includes(value)) {
    errors.push(`${path}: must be one of ${schema.enum.join(', ')}, is ${JSON.stringify(value)}`);
  }
  if (schema.pattern && typeof value === 'string' && !new RegExp(schema.pattern).test(value)) {
    errors.push(`${path}: ${JSON.stringify(value)} does not match ${schema.pattern}`);
  }
  if (schema.minLength !== undefined && typeof value === 'string' && value.length < schema.minLength) {
    errors.push(`${path}: must not be empty`);
  }
  if (schema.minimum !== undefined && typeof value === 'number' && value < schema.minimum) {
    errors.push(`${path}: must be >= ${schema.minimum}`);
  }
  if (schema.maximum !== undefined && typeof value === 'number' && value > schema.maximum) {
    errors.push(`${path}: must be <= ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) {
      errors.push(`${path}: needs at least ${schema.minItems} item(s)`);
    }
    if (schema.items) {
      value.forEach((item, i) => errors.push(...check(schema.items, item, `${path}/${i}`)));
    }
  } else if (value && typeof value === 'object') {
    for (const r of schema.required || []) {
      if (!(r in value)) {
        errors.push(`${path}/${r}: required`);
      }
    }
    for (const [k, v] of Object.entries(value)) {
      if (schema.properties && k in schema.properties) {
        errors.push(...check(schema.properties[k], v, `${path}/${k}`));
      } else if (schema.additionalProperties === false) {
        errors.push(`${path}/${k}: unknown field`);
      } else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        errors.push(...check(schema.additionalProperties, v, `${path}/${k}`));
      }
    }
  }
  return errors;
}
