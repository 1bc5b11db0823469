import Foundation
import TruceCore

/// Judging many incidents against many agreements without comparing every pair.
///
/// Incidents are indexed by country and sorted by start. Each agreement looks only at the incidents in the
/// countries its geography names (all of them when it names a sea or a polygon, plus those whose country is
/// unknown) that can overlap the time anyone was bound by it: a pair outside that time is out of scope by
/// the time clause alone. Agreements are judged in parallel across the machine's cores.
public enum Adjudication {
    /// The verdicts for every pair of `incidents` and `agreements` that is not out of scope, in agreement
    /// order then incident start order.
    /// - Parameter explain: whether checks carry their reasons (slower; `false` keeps outcomes only).
    public static func verdicts(
        incidents: [Incident], agreements: [Agreement], explain: Bool = true, judge: Adjudicator = Adjudicator()
    ) -> [Verdict] {
        let judgements = self.judgements(incidents: incidents, agreements: agreements, judge: judge)
        guard explain else {
            return judgements.map { judgement in
                Verdict(
                    incident: incidents[Int(judgement.incident)].id, agreement: agreements[Int(judgement.agreement)].id,
                    kind: judgement.kind, checks: judgement.checks, rulesVersion: Adjudicator.rulesVersion)
            }
        }
        var prepared: [Int32: PreparedAgreement] = [:]
        return judgements.map { judgement in
            let agreement = prepared[judgement.agreement] ?? PreparedAgreement(agreements[Int(judgement.agreement)])
            prepared[judgement.agreement] = agreement
            return judge.verdict(for: incidents[Int(judgement.incident)], under: agreement, explain: true)
        }
    }

    /// Every pair of `incidents` and `agreements` that is not out of scope, as compact judgements (positions
    /// in the given arrays), in agreement order then incident start order.
    public static func judgements(incidents: [Incident], agreements: [Agreement], judge: Adjudicator = Adjudicator()) -> [Judgement] {
        let index = IncidentIndex(incidents)
        let prepared = agreements.map(PreparedAgreement.init)
        var results = [[Judgement]](repeating: [], count: prepared.count)
        let workers = prepared.count < 4 ? 1 : min(ProcessInfo.processInfo.activeProcessorCount, 8)
        results.withUnsafeMutableBufferPointer { buffer in
            let output = SendableBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for position in stride(from: worker, to: prepared.count, by: workers) {
                    output.base[position] = judgements(index: index, agreement: prepared[position], at: position, judge: judge)
                }
            }
        }
        return results.flatMap { $0 }
    }

    private static func judgements(index: IncidentIndex, agreement: PreparedAgreement, at position: Int, judge: Adjudicator) -> [Judgement] {
        guard let window = agreement.outer else { return [] }
        var found: [Judgement] = []
        index.incidents.withUnsafeBufferPointer { incidents in
            for list in index.lists(for: agreement.countries) {
                for candidate in list.candidates(overlapping: window, longest: index.longest)
                where incidents[candidate].time.span.overlaps(window) {
                    let (kind, outcomes) = judge.outcomes(for: incidents[candidate], under: agreement)
                    if kind != .outOfScope {
                        found.append(Judgement(incident: candidate, agreement: position, kind: kind, checks: outcomes))
                    }
                }
            }
        }
        return found.sorted { index.rank[Int($0.incident)] < index.rank[Int($1.incident)] }
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
}

/// Incidents sorted by start, with a list per country (and one for incidents whose country is unknown).
struct IncidentIndex: Sendable {
    /// A run of incidents, by start time.
    struct List: Sendable {
        var positions: [Int]
        var starts: [Date]

        /// The positions whose incidents start before the window ends and no earlier than the longest
        /// incident before its start.
        func candidates(overlapping window: TimeSpan, longest: TimeInterval) -> ArraySlice<Int> {
            let first = lowerBound(window.start.addingTimeInterval(-longest))
            let last = window.end.map(lowerBound) ?? starts.count
            return first < last ? positions[first..<last] : []
        }

        private func lowerBound(_ value: Date) -> Int {
            var low = 0
            var high = starts.count
            while low < high {
                let middle = (low + high) / 2
                if starts[middle] < value { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }

    /// The incidents as given; lists hold positions in this array.
    let incidents: [Incident]
    /// For each position, its place in start order.
    let rank: [Int]
    let byCountry: [String: List]
    let unknownCountry: List
    let all: List
    let longest: TimeInterval

    init(_ incidents: [Incident]) {
        self.incidents = incidents
        var starts: [Date] = []
        var countries: [String?] = []
        var longest: TimeInterval = 0
        starts.reserveCapacity(incidents.count)
        countries.reserveCapacity(incidents.count)
        incidents.withUnsafeBufferPointer { buffer in  // reads fields in place: no copy of each incident
            for position in buffer.indices {
                starts.append(buffer[position].time.span.start)
                countries.append(buffer[position].location.country)
                longest = max(longest, buffer[position].time.span.duration ?? 0)
            }
        }
        self.longest = longest
        // By start, ties in input order: positions are cheaper to compare than ids.
        let order = incidents.indices.sorted { starts[$0] < starts[$1] || (starts[$0] == starts[$1] && $0 < $1) }
        var rank = [Int](repeating: 0, count: incidents.count)
        for (place, position) in order.enumerated() { rank[position] = place }
        self.rank = rank
        var groups: [String: [Int]] = [:]
        var unknown: [Int] = []
        for position in order {
            if let country = countries[position] { groups[country, default: []].append(position) } else { unknown.append(position) }
        }
        func list(_ positions: [Int]) -> List { List(positions: positions, starts: positions.map { starts[$0] }) }
        byCountry = groups.mapValues(list)
        unknownCountry = list(unknown)
        all = list(order)
    }

    /// The lists to search for an agreement naming `countries` (every incident when `nil`).
    func lists(for countries: Set<String>?) -> [List] {
        guard let countries else { return [all] }
        return countries.sorted().compactMap { byCountry[$0] } + [unknownCountry]
    }
}

/// A buffer that parallel workers write at disjoint positions.
struct SendableBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Element>
    init(_ base: UnsafeMutableBufferPointer<Element>) { self.base = base }
}
