import Metrics
import Prometheus

/// Truce's metrics, in one Prometheus registry that the metrics system of the process writes to.
///
/// The metrics system can be bootstrapped once per process: ``registry`` does it on first use, and every
/// server of the process (tests start many) shares it.
public enum TruceMetrics {
    /// The registry `/metrics` writes out. The first use bootstraps the process's metrics system with it.
    public static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    /// Files imported through the server, counted once each import ends, by dataset.
    public static func importFinished(dataset: String) {
        _ = registry
        Counter(label: "truce_imports_total", dimensions: [("dataset", dataset)]).increment()
    }

    /// Adjudication runs finished.
    public static func adjudicationFinished() {
        _ = registry
        adjudications.increment()
    }

    /// Incidents judged by adjudication runs.
    public static func incidentsJudged(_ count: Int) {
        _ = registry
        judged.increment(by: count)
    }

    private static let adjudications = Counter(label: "truce_adjudications_total")
    private static let judged = Counter(label: "truce_incidents_judged_total")

    /// Makes the counters that have no dimensions, so `/metrics` shows them at zero before anything happens.
    static func prepare() {
        _ = registry
        _ = adjudications
        _ = judged
    }

    /// The registry's metrics in Prometheus's text format.
    static func exposition() -> [UInt8] {
        var bytes: [UInt8] = []
        registry.emit(into: &bytes)
        return bytes
    }
}
