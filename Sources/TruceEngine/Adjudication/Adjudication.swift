import Foundation
import TruceCore

/// Judging many incidents against many agreements without comparing every pair.
///
/// Incidents are indexed by country and sorted by start. Each agreement looks only at the incidents in the
/// countries its geography names (all of them when it names a sea or a polygon, plus those whose country is
/// unknown and those in several countries) that can overlap the time anyone was bound by it: a pair outside
/// that time is out of scope by the time clause alone. An incident whose time is not stated can overlap any
/// time before it was reported. Agreements are judged in parallel across the machine's cores.
public enum Adjudication {
    /// The verdicts for every pair of `incidents` and `agreements` that is not out of scope, in agreement
    /// order then incident start order.
    /// - Parameter explain: whether checks carry their reasons (slower; `false` keeps outcomes only).
    public static func verdicts(
        incidents: [Incident], agreements: [Agreement], explain: Bool = true, judge: Adjudicator = Adjudicator()
    ) -> [Verdict] {
        guard explain else { return verdicts(incidents: incidents, prepared: agreements.map(judge.prepare), judge: judge) }
        let judgements = self.judgements(incidents: incidents, agreements: agreements, judge: judge)
        var prepared: [Int32: PreparedAgreement] = [:]
        return judgements.map { judgement in
            let agreement = prepared[judgement.agreement] ?? judge.prepare(agreements[Int(judgement.agreement)])
            prepared[judgement.agreement] = agreement
            return judge.verdict(for: incidents[Int(judgement.incident)], under: agreement, explain: true)
        }
    }

    /// Every pair of `incidents` and `agreements` that is not out of scope, as compact judgements (positions
    /// in the given arrays), in agreement order then incident start order.
    public static func judgements(incidents: [Incident], agreements: [Agreement], judge: Adjudicator = Adjudicator()) -> [Judgement] {
        judgements(incidents: incidents, prepared: agreements.map(judge.prepare), judge: judge)
    }

    /// The verdicts, without reasons, for every pair of `incidents` and agreements prepared by `judge` that is
    /// not out of scope, in agreement order then incident start order. Runs over many batches of incidents
    /// prepare their agreements once.
    public static func verdicts(incidents: [Incident], prepared: [PreparedAgreement], judge: Adjudicator) -> [Verdict] {
        judgements(incidents: incidents, prepared: prepared, judge: judge).map { judgement in
            Verdict(
                incident: incidents[Int(judgement.incident)].id, agreement: prepared[Int(judgement.agreement)].agreement.id,
                kind: judgement.kind, checks: judgement.checks, rulesVersion: Adjudicator.rulesVersion)
        }
    }

    /// ``judgements(incidents:agreements:judge:)`` with the agreements already prepared by `judge`.
    public static func judgements(incidents: [Incident], prepared: [PreparedAgreement], judge: Adjudicator) -> [Judgement] {
        let index = IncidentIndex(incidents, everywhere: prepared.contains { $0.countries == nil })
        var results = [[Judgement]](repeating: [], count: prepared.count)
        let workers = prepared.count < 4 ? 1 : min(ProcessInfo.processInfo.activeProcessorCount, 8)
        results.withUnsafeMutableBufferPointer { buffer in
            let output = UncheckedSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for position in stride(from: worker, to: prepared.count, by: workers) {
                    output.value[position] = judgements(index: index, agreement: prepared[position], at: position, judge: judge)
                }
            }
        }
        return results.flatMap { $0 }
    }

    private static func judgements(index: IncidentIndex, agreement: PreparedAgreement, at position: Int, judge: Adjudicator) -> [Judgement] {
        guard let window = agreement.outer else { return [] }
        // No incident of the agreement's countries in its window, none judged: the agreement is not coded for
        // nothing (a small batch, such as a record a reviewer decided, meets few of a store's agreements).
        let lists = index.lists(for: agreement.countries)
        guard lists.contains(where: { !$0.candidateRange(overlapping: window).isEmpty }) else { return [] }
        var found: [Judgement] = []
        if let compact = CompactAgreement(agreement, codes: index.codes) {
            let windowStart = window.start.timeIntervalSinceReferenceDate
            let windowEnd = window.end?.timeIntervalSinceReferenceDate ?? .infinity
            for list in lists {
                let range = list.candidateRange(overlapping: window)
                let place = compactPlace(of: list, under: compact, outlines: agreement.countryOutlines)
                list.records.withUnsafeBufferPointer { records in
                    index.incidents.withUnsafeBufferPointer { incidents in  // read in place: no copy of each incident
                        for offset in range where (list.unstated || records[offset].start < windowEnd) && windowStart < records[offset].end {
                            let (kind, outcomes) =
                                place.map { compact.outcomes(records[offset], place: $0) }
                                ?? judge.outcomes(for: incidents[list.positions[offset]], under: agreement)
                            if kind != .outOfScope {
                                found.append(Judgement(incident: list.positions[offset], agreement: position, kind: kind, checks: outcomes))
                            }
                        }
                    }
                }
            }
            return found.sorted { index.precedes(Int($0.incident), Int($1.incident)) }
        }
        index.incidents.withUnsafeBufferPointer { incidents in
            for list in lists {
                for candidate in list.candidates(overlapping: window)
                where list.mayOverlap(incidents[candidate].time, window) {
                    let (kind, outcomes) = judge.outcomes(for: incidents[candidate], under: agreement)
                    if kind != .outOfScope {
                        found.append(Judgement(incident: candidate, agreement: position, kind: kind, checks: outcomes))
                    }
                }
            }
        }
        return found.sorted { index.precedes(Int($0.incident), Int($1.incident)) }
    }

    /// The place clause of a compact agreement for the incidents of `list`, or `nil` when they are judged in
    /// full: those in several countries, and those of unknown country when country outlines may place their
    /// points (such records are few).
    private static func compactPlace(of list: IncidentIndex.List, under compact: CompactAgreement, outlines: CountryOutlines) -> CompactPlace? {
        if list.severalCountries { return nil }
        guard list.countryKnown else { return outlines.isEmpty ? .unknownCountry : nil }
        return list.country.map(compact.place(inCountry:))
    }

    /// Each incident's evidence: the records of one event (``IncidentLinker``) pool their claims, and a record
    /// too vague to be placed in one event keeps the events it may describe.
    public static func evidence(for incidents: [Incident], linker: IncidentLinker = IncidentLinker()) -> [EvidenceRecord] {
        EventEvidence.evidence(of: zip(incidents, linker.keys(incidents)).map { LinkRecord($0, key: $1) })
    }
}

/// Incidents sorted by start, in lists per country (and one for incidents whose country is unknown, one for
/// those in several countries) and per length of span: incidents known to the day or better, to the week, and
/// coarser are kept apart, so that a month-long span does not widen the search for the many short ones; those
/// whose time is not stated are kept apart too, as they may lie at any time before they were reported.
struct IncidentIndex: Sendable {
    /// A run of incidents, by start time, with the longest of their spans and their compact records.
    struct List: Sendable {
        var positions: [Int]
        var starts: [Date]
        var records: [CompactIncident]
        var longest: TimeInterval
        /// The incidents' country, for a list of one country.
        var country: String?
        /// Whether the incidents' country is known (false for the list of incidents without one).
        var countryKnown: Bool
        /// Whether the incidents lie in several countries: they are judged in full, not in compact form.
        var severalCountries = false
        /// Whether the incidents' time is not stated: each may lie at any time before its span ends.
        var unstated = false

        /// The positions whose incidents start before the window ends and no earlier than the longest
        /// incident before its start.
        func candidates(overlapping window: TimeSpan) -> ArraySlice<Int> { positions[candidateRange(overlapping: window)] }

        /// Whether an incident of this list can lie in `window`: its span overlaps it, or, when its time is not
        /// stated, it was reported after the window opened.
        func mayOverlap(_ time: IncidentTime, _ window: TimeSpan) -> Bool {
            guard unstated else { return time.span.overlaps(window) }
            return time.latestEnd.map { window.start < $0 } ?? true
        }

        /// The offsets in this list of those candidates.
        func candidateRange(overlapping window: TimeSpan) -> Range<Int> {
            let first = lowerBound(window.start.addingTimeInterval(-longest))
            let last = unstated ? starts.count : window.end.map(lowerBound) ?? starts.count
            return first < last ? first..<last : 0..<0
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
    /// Each incident's start, by position.
    let starts: [Date]
    let byCountry: [String: [List]]
    let unknownCountry: [List]
    /// The incidents in several countries, for every agreement that names countries.
    let severalCountries: [List]
    /// Every incident, for agreements whose geography names no country; empty unless asked for.
    let all: [List]
    /// The codes of the parties and subtypes the incidents name.
    let codes: CodeBook

    /// - Parameter everywhere: whether some agreement needs every incident, whatever its country.
    init(_ incidents: [Incident], everywhere: Bool) {
        self.incidents = incidents
        var starts: [Date] = []
        var lengths: [TimeInterval] = []
        var compact: [CompactIncident] = []
        var codes = CodeBook()
        var groups: [String: [Int]] = [:]
        var unknown: [Int] = []
        var several: [Int] = []
        starts.reserveCapacity(incidents.count)
        lengths.reserveCapacity(incidents.count)
        compact.reserveCapacity(incidents.count)
        incidents.withUnsafeBufferPointer { buffer in  // reads fields in place: no copy of each incident
            for position in buffer.indices {
                compact.append(CompactIncident(buffer[position], codes: &codes))
                starts.append(buffer[position].time.span.start)
                lengths.append(buffer[position].time.span.duration ?? 0)
                if buffer[position].location.spansSeveralCountries {
                    several.append(position)
                } else if let country = buffer[position].location.country {
                    groups[country, default: []].append(position)
                } else {
                    unknown.append(position)
                }
            }
        }
        self.starts = starts

        // Each country's incidents sorted by start (ties by position), countries in parallel.
        let keys = groups.keys.sorted()
        var members = keys.map { groups[$0]! } + [unknown, several] + [everywhere ? Array(incidents.indices) : []]
        members.withUnsafeMutableBufferPointer { buffer in
            let shared = UncheckedSendable(buffer)
            let frozen = starts
            DispatchQueue.concurrentPerform(iterations: shared.value.count) { group in
                shared.value[group].sort { frozen[$0] < frozen[$1] || (frozen[$0] == frozen[$1] && $0 < $1) }
            }
        }
        func bucket(_ position: Int) -> Int {
            compact[position].unstated ? 3 : lengths[position] <= 90_000 ? 0 : lengths[position] <= 691_200 ? 1 : 2
        }
        func lists(_ positions: [Int], country: String? = nil, countryKnown: Bool, severalCountries: Bool = false) -> [List] {
            var buckets = [[Int]](repeating: [], count: 4)
            for position in positions { buckets[bucket(position)].append(position) }
            return buckets.enumerated().filter { !$0.element.isEmpty }.map { number, members in
                List(
                    positions: members, starts: members.map { starts[$0] }, records: members.map { compact[$0] },
                    longest: members.map { lengths[$0] }.max() ?? 0, country: country, countryKnown: countryKnown,
                    severalCountries: severalCountries, unstated: number == 3)
            }
        }
        var byCountry: [String: [List]] = [:]
        for (offset, key) in keys.enumerated() { byCountry[key] = lists(members[offset], country: key, countryKnown: true) }
        self.byCountry = byCountry
        unknownCountry = lists(members[keys.count], countryKnown: false)
        severalCountries = lists(members[keys.count + 1], countryKnown: true, severalCountries: true)
        all = lists(members[keys.count + 2], countryKnown: true)
        self.codes = codes
    }

    /// Whether the incident at position `a` comes before the one at `b`: by start, then by position.
    func precedes(_ a: Int, _ b: Int) -> Bool { starts[a] < starts[b] || (starts[a] == starts[b] && a < b) }

    /// The lists to search for an agreement naming `countries` (every incident when `nil`).
    func lists(for countries: Set<String>?) -> [List] {
        guard let countries else { return all }
        return countries.sorted().flatMap { byCountry[$0] ?? [] } + unknownCountry + severalCountries
    }
}
