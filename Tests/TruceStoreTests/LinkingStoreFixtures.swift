import Foundation
import TruceCore
import TruceEngine
import TruceStore
import TruceTestSupport

/// Small generated stores for linking: records dense in a few days and places, of every precision and span,
/// vague and apart ones, rows of an event-coded dataset (ACLED), several countries, unstated times.
struct LinkingWorld {
    var random: SeededGenerator
    static let origin = Date(timeIntervalSince1970: 1_740_787_200)  // 2025-03-01T00:00Z

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    mutating func next(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }

    /// A record with id `id`, starting on one of `days` days.
    mutating func record(_ id: String, days: Int = 6) -> Incident {
        let start = Self.origin.addingTimeInterval(Double(next(days)) * 86_400 + Double(next(48)) * 1_800)
        let length: Double? = [0, 1_800, 3_600, 21_600, 86_400, 86_400, 2 * 86_400, 3 * 86_400, 9 * 86_400, nil][next(10)]
        let precision: TimePrecision = next(15) == 0 ? .unstated : [.minute, .hour, .day][next(3)]
        let country = [nil, "UA", "UA", "UA", "RU"][next(5)]
        let countries = country != nil && next(12) == 0 ? [country!, "PL"] : []
        let category: TargetCategory? = [nil, .energy, .energy, .civilian][next(4)]
        let claims = (0..<(1 + next(2))).map { _ in
            Claim(
                claimant: [
                    "ACLED (sources: Ukrinform; Anadolu Agency)", "Ministry of Defence of Russia", "source \(next(3))", "Reuters citing the governor",
                ][next(4)],
                claimantParty: [nil, nil, "RU", "UA"][next(4)], accused: [nil, "RU", "UA"][next(3)], stance: next(8) == 0 ? .denial : .assertion)
        }
        let dataset = ["acled", "acled", "gdelt", "truce"][next(4)]
        return Incident(
            id: id, time: IncidentTime(span: TimeSpan(start: start, end: length.map { start.addingTimeInterval($0) }), precision: precision),
            location: IncidentLocation(
                country: country, admin1: [nil, "Kharkiv Oblast", "Sumy Oblast"][next(3)], place: [nil, "Kharkiv", "Izium", "Sumy"][next(4)],
                coordinate: [
                    nil, Coordinate(latitude: 50, longitude: 36.2), Coordinate(latitude: 50.05, longitude: 36.25),
                    Coordinate(latitude: 50.3, longitude: 36.6), Coordinate(latitude: 49.2, longitude: 37.3),
                ][next(5)],
                precision: [.exact, .locality, .locality, .nearby, .district, .region, .country][next(7)], countries: countries),
            action: [nil, .droneStrike, .droneStrike, .artillery, .airStrike, .strike, .noHostileAct][next(7)],
            acts: next(20) == 0 ? 3 : nil,
            target: Target(
                category: category, subtype: category == .energy ? [nil, "substation", "refinery"][next(3)] : nil,
                name: [nil, nil, "Kharkiv substation", "substation"][next(4)]),
            perpetrator: nil, description: "", claims: claims,
            sources: [SourceRecord(dataset: dataset, file: "\(dataset).csv", line: 1, key: id, fields: [])])
    }

    /// A temporary store.
    static func store() throws -> SQLiteStore {
        let directory = try ScratchDirectory.make("truce-linking")
        return try SQLiteStore(path: directory.appendingPathComponent("truce.sqlite").path)
    }

    /// Judges what awaits judgement as an adjudication does, without agreements: a batch at a time, each batch's
    /// link records made from the incidents read (when `staging`), then links in one transaction, leaving out
    /// what was saved meanwhile, and notes that every incident still awaiting judgement waits to be linked.
    /// `meanwhile` runs between judging and linking.
    static func adjudicate(_ store: SQLiteStore, rules: String, staging: Bool = true, batch: Int = 7, meanwhile: () throws -> Void = {}) throws {
        let input = try store.adjudicationInput(rulesVersion: rules)
        let maker = LinkRecordMaker(workers: 2)
        var position: IncidentBatch.Position?
        repeat {
            let read = try store.incidents(.awaiting, rulesVersion: rules, after: position, limit: batch)
            try store.save(
                AdjudicationRun(
                    incidents: read.incidents.map(\.id), agreements: [], verdicts: [], rulesVersion: rules,
                    linkRecords: staging ? maker.records(read.incidents) : []))
            position = read.next
        } while position != nil
        try meanwhile()
        try store.linking { session in
            try EvidenceLinking(rulesVersion: rules).update(
                session, all: false, excluding: try session.savedIncidentsAwaitingAdjudication(rulesVersion: rules))
            try session.noteJudgedAllAwaiting(rulesVersion: rules, resets: input.resets)
        }
    }
}
