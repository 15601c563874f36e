package cn.jiaozuo.biodiversity.e2e.bench;

/** A rate (per second) with its latency percentiles in milliseconds. */
record Throughput(double perSecond, double p50, double p99) {
}
