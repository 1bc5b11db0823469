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
    /// Incidents whose evidence must be worked out again under `rulesVersion`: those awaiting adjudication
    /// (new, changed, or judged by other rules), those without a link record under these rules, and those
    /// without evidence.
    func incidentsToLink(rulesVersion: String) throws -> Set<IncidentID>

    /// How many incidents the store holds.
    func incidentCount() throws -> Int

    /// Reads the incidents with `ids` (every incident when `nil`), works out each one's link record with
    /// `record`, and keeps it under `rulesVersion`, a batch at a time: each record is worked out from the
    /// content stored when it is written.
    func refreshLinkRecords(ids: [IncidentID]?, rulesVersion: String, record: (Incident) -> LinkRecord) throws

    /// How many link records are stored under `rulesVersion`.
    func linkRecordCount(rulesVersion: String) throws -> Int

    /// The stored link records of `ids`, whatever rules they were worked out under; ids without one are left out.
    func linkRecords(ids: [IncidentID]) throws -> [LinkRecord]

    /// The stored link records whose first day is in `firstDays`: of `role` only, unless `nil`.
    func linkRecords(firstDays: Range<Int32>, role: LinkRecord.Role?) throws -> [LinkRecord]

    /// The stored records of vague incidents whose spans touch a day of `days`.
    func vagueLinkRecords(touching days: ClosedRange<Int32>) throws -> [LinkRecord]

    /// The first day of a block of about `limit` link records starting on `firstDay` or later: the first day after
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
