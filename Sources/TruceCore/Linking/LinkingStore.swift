import Foundation

/// What linking reads and writes of a store: each incident's ``LinkRecord``, found by the days its span
/// touches, and each incident's evidence. Linking through it reads a neighbourhood of days, never the store.
public protocol LinkingStore: Sendable {
    /// Runs `body` in one write transaction: what it reads cannot change before what it writes is committed,
    /// and a failure writes nothing.
    func linking<Value>(_ body: (any LinkingSession) throws -> Value) throws -> Value
}

/// What one linking transaction reads and writes (see ``LinkingStore/linking(_:)``).
public protocol LinkingSession {
    /// Incidents whose evidence must be worked out again under `rulesVersion`: those saved (new or changed)
    /// since the store was last linked under these rules, or every incident when it never was.
    func incidentsToLink(rulesVersion: String) throws -> Set<IncidentID>

    /// Every stored incident's id.
    func incidentIDs() throws -> Set<IncidentID>

    /// Whether the store was ever linked under `rulesVersion`: when not, every incident is to be linked
    /// (``incidentsToLink(rulesVersion:)`` lists them all).
    func isLinked(rulesVersion: String) throws -> Bool

    /// Incidents saved since the last linking that are not yet judged under `rulesVersion`: after an
    /// adjudication has judged every incident that awaited it, those saved while it ran. It links only what it
    /// judged, and leaves these waiting, as if they were saved after it.
    func savedIncidentsAwaitingAdjudication(rulesVersion: String) throws -> Set<IncidentID>

    /// Notes that every incident's evidence is now linked under `rulesVersion`, but those of `waiting`, which
    /// still await linking.
    func markLinked(rulesVersion: String, except waiting: Set<IncidentID>) throws

    /// Notes, after ``markLinked(rulesVersion:except:)``, that an adjudication has judged under `rulesVersion`
    /// every incident that awaited judgement and linked them, leaving those saved meanwhile waiting: every
    /// incident still unjudged is then among those waiting to be linked, and the next run finds them there
    /// instead of reading the store. `resets` is how often judgements had been forgotten when the run began
    /// (as the store counts them): when they were forgotten since, nothing is noted.
    func noteJudgedAllAwaiting(rulesVersion: String, resets: Int) throws

    /// Removes the evidence of `ids`.
    func removeEvidence(ids: [IncidentID]) throws

    /// How many incidents the store holds.
    func incidentCount() throws -> Int

    /// Whether the store holds `count` incidents or more, found without counting past `count`.
    func holdsIncidents(atLeast count: Int) throws -> Bool

    /// Reads the incidents with `ids` (every incident when `nil`), works out their link records with `records`
    /// (by position), and keeps them under `rulesVersion`, a batch at a time.
    func refreshLinkRecords(ids: [IncidentID]?, rulesVersion: String, records: ([Incident]) -> [LinkRecord]) throws

    /// How many link records are stored under `rulesVersion`.
    func linkRecordCount(rulesVersion: String) throws -> Int

    /// The stored link records of `ids`, whatever rules they were worked out under; ids without one are left out.
    func linkRecords(ids: [IncidentID]) throws -> [LinkRecord]

    /// The stored link records whose first day is in `firstDays`: of `role` only, or when `nil`, the members and
    /// vague ones (records apart are never linked: see ``writeApartEvidence(firstDays:)``).
    func linkRecords(firstDays: Range<Int32>, role: LinkRecord.Role?) throws -> [LinkRecord]

    /// The stored link records of members whose first day is in `firstDays`, in `country` or of no known country.
    func memberLinkRecords(firstDays: Range<Int32>, country: String) throws -> [LinkRecord]

    /// Writes the evidence of the records apart whose first day is in `firstDays`: each is an event of its own,
    /// at the level of its own claims. Rows that already hold it are left as they are.
    /// - Returns: how many rows were written.
    func writeApartEvidence(firstDays: Range<Int32>) throws -> Int

    /// The stored records of vague incidents whose spans touch a day of `days`.
    func vagueLinkRecords(touching days: ClosedRange<Int32>) throws -> [LinkRecord]

    /// The first day of a block of about `limit` link records of members and vague records starting on `firstDay` or later: the first day after
    /// the block, or `nil` when the block reaches the last record. A block holds at least one day.
    func linkBlockEnd(from firstDay: Int32, limit: Int) throws -> Int32?

    /// The first day of the earliest link record, or `nil` when there is none.
    func firstLinkDay() throws -> Int32?

    /// The stored evidence of `ids`, those that have it.
    func evidence(ids: [IncidentID]) throws -> [EvidenceRecord]

    /// The stored evidence of every record of the events `groups`.
    func evidence(groups: [IncidentID]) throws -> [EvidenceRecord]

    /// Writes `evidence`, leaving stored rows that already hold it as they are.
    /// - Returns: how many rows were written.
    @discardableResult
    func write(evidence: [EvidenceRecord]) throws -> Int
}
