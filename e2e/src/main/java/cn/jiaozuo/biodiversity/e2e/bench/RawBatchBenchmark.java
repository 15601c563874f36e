package cn.jiaozuo.biodiversity.e2e.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Raw baseline: 1000-row JDBC batches of the observation row shape, one transaction per batch. */
record RawBatchBenchmark(BenchConfig config, Report report) {

    /** Rows per second into {@link RawObservationTable}. */
    double run() throws SQLException {
        int batches = 20;
        long start = System.nanoTime();
        try (Connection c = config.connect(); PreparedStatement insert = c.prepareStatement(RawObservationTable.INSERT)) {
            c.setAutoCommit(false);
            for (int b = 0; b < batches; b++) {
                for (int i = 0; i < 1000; i++) {
                    RawObservationTable.bind(insert);
                    insert.addBatch();
                }
                insert.executeBatch();
                c.commit();
            }
        }
        double rate = batches * 1000 / ((System.nanoTime() - start) / 1e9);
        report.line("- PostgreSQL 1000-row batch insert (JDBC batch, one transaction per batch): **" + Report.fmt(rate) + " rows/s**");
        return rate;
    }
}
