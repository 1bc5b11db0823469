import Foundation
import TruceCore

/// Judging many incidents against many agreements, without comparing every pair: incidents are sorted by
/// start, and each agreement looks only at those that can overlap the time anyone was bound by it.
public enum Adjudication {
    /// The verdicts for every pair of `incidents` and `agreements` that is not out of scope. A pair outside
    /// the time any party was bound is out of scope by the time clause alone, so it is never judged.
    public static func verdicts(
        incidents: [Incident], agreements: [Agreement], judge: Adjudicator = Adjudicator()
    ) -> [Verdict] {
        let ordered = incidents.sorted { $0.time.span.start < $1.time.span.start }
        let starts = ordered.map(\.time.span.start)
        let longest = ordered.map { $0.time.span.duration ?? 0 }.max() ?? 0
        var verdicts: [Verdict] = []
        for agreement in agreements {
            guard let window = agreement.outerSpan else { continue }
            let first = lowerBound(starts, window.start.addingTimeInterval(-longest))
            let last = window.end.map { lowerBound(starts, $0) } ?? starts.count
            guard first < last else { continue }
            for incident in ordered[first..<last] where incident.time.span.overlaps(window) {
                let verdict = judge.verdict(for: incident, under: agreement)
                if verdict.kind != .outOfScope { verdicts.append(verdict) }
            }
        }
        return verdicts
    }

    /// Each incident's evidence: records linked as one event pool their claims.
    public static func evidence(for incidents: [Incident], linker: IncidentLinker = IncidentLinker()) -> [EvidenceRecord] {
        let byID = Dictionary(incidents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var records: [EvidenceRecord] = []
        for group in linker.groups(incidents) {
            let claims = group.flatMap { byID[$0]?.claims ?? [] }
            let level = EvidenceLevel.level(for: claims)
            records += group.map { EvidenceRecord(incident: $0, group: group[0], level: level) }
        }
        return records
    }

    /// The first index whose value is not before `value`.
    private static func lowerBound(_ values: [Date], _ value: Date) -> Int {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
