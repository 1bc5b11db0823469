import Foundation
import TruceCore

extension ComplianceAnalytics {
    /// What `incidents` cover, by the dataset of each one's first source record (`records given` for those
    /// without one): used when no store's coverage is given.
    public static func coverage(of incidents: [Incident]) -> [DatasetCoverage] {
        Dictionary(grouping: incidents) { $0.sources.first?.dataset ?? "records given" }
            .map { dataset, members in
                let starts = members.map(\.time.span.start)
                return DatasetCoverage(dataset: dataset, records: members.count, earliest: starts.min()!, latest: starts.max()!)
            }
            .sorted { $0.dataset < $1.dataset }
    }

    /// The coverage statement for figures resting on `records` (their datasets, or every dataset when none
    /// names one): whether the data reach back to the baseline's and the window's start, and why a figure is
    /// withheld when they do not.
    static func coverageStatement(
        _ coverage: [DatasetCoverage], restingOn records: [Incident], baseline: TimeSpan?, start: Date?, zone: ZoneIdentifier
    ) -> CoverageStatement {
        let named = Set(records.compactMap { $0.sources.first?.dataset })
        let datasets = named.isEmpty ? coverage : coverage.filter { named.contains($0.dataset) }
        func reaches(_ date: Date) -> Bool { !datasets.isEmpty && datasets.allSatisfy { $0.earliest <= date } }
        func shortfall(_ date: Date, _ what: String) -> String {
            guard let late = datasets.filter({ $0.earliest > date }).max(by: { $0.earliest < $1.earliest }) else {
                return "no records to rest on"
            }
            return "the data do not cover \(what): \(late.dataset)'s earliest record starts on "
                + "\(localDay(late.earliest, in: zone)), after \(what) (\(localDay(date, in: zone)))"
        }
        let coversBaseline = baseline.map { reaches($0.start) } ?? false
        let coversStart = start.map(reaches) ?? false
        return CoverageStatement(
            datasets: datasets, lastImport: datasets.compactMap(\.lastImport).max(), coversBaseline: coversBaseline, coversStart: coversStart,
            rateWithheld: coversBaseline ? nil : baseline.map { "No rate ratio: " + shortfall($0.start, "the baseline's start") },
            firstViolationWithheld: coversStart ? nil : start.map { "No time to first violation: " + shortfall($0, "the window's start") })
    }
}
