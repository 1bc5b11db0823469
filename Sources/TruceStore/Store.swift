import Foundation
import TruceCore

/// Where Truce keeps agreements, incidents and quarantined records. The engine and the CLI speak to this
/// protocol only, so other databases can stand behind it.
///
/// Every save is idempotent: saving the same values again changes nothing and counts them as unchanged.
public protocol Store: Sendable {
    /// Saves agreements, replacing those whose content changed.
    /// - Returns: how many were new, updated and unchanged.
    func save(agreements: [Agreement]) throws -> LoadSummary

    /// Saves incidents and the records that could not be read, in one transaction. An incident whose content
    /// changed replaces the stored one, which moves to its history, unless the incoming record's release
    /// (e.g. ACLED's `timestamp`) is older than the stored one's: then only the history keeps it.
    /// - Returns: the counts, with `quarantined` the number of records kept aside (including ones already kept).
    func save(incidents: [Incident], quarantined: [QuarantinedRecord]) throws -> LoadSummary

    /// Saves incidents whose stored form was prepared beforehand (see ``PreparedIncident``), as
    /// ``save(incidents:quarantined:)`` does.
    func save(prepared: [PreparedIncident], quarantined: [QuarantinedRecord]) throws -> LoadSummary

    /// Every agreement, by id.
    func agreements() throws -> [Agreement]

    /// The agreement with `id`, or `nil`.
    func agreement(id: AgreementID) throws -> Agreement?

    /// Incidents matching `query`, by start time then id.
    func incidents(matching query: IncidentQuery) throws -> [Incident]

    /// One page of the incidents matching `query`, in the order of ``incidents(matching:)``: at most `limit`,
    /// those after `position` (from the start when `nil`). The query's own `limit` is not applied.
    func incidents(matching query: IncidentQuery, after position: PagePosition?, limit: Int) throws -> Page<Incident>

    /// One page of the incidents matching `query`, as ``incidents(matching:after:limit:)`` lists them, each as
    /// its ``IncidentQuery/Detail/summary`` with its stored body: enough to screen and to write it, decoding nothing.
    func incidentRows(matching query: IncidentQuery, after position: PagePosition?, limit: Int) throws -> Page<StoredIncidentRow>

    /// The incidents with these ids, read with `detail`, in the order of `ids`; ids not stored are left out.
    func incidents(ids: [IncidentID], detail: IncidentQuery.Detail) throws -> [Incident]

    /// The earlier versions of an incident that later imports replaced, oldest first, and older versions that
    /// arrived after a newer one.
    func history(of id: IncidentID) throws -> [Incident]

    /// Every quarantined record, by file and line.
    func quarantinedRecords() throws -> [QuarantinedRecord]

    /// Quarantined records with their ids, of one file as it was named on import or of all files.
    func quarantine(file: String?) throws -> [QuarantineEntry]

    /// One quarantined record by id.
    func quarantineEntry(id: Int64) throws -> QuarantineEntry?

    /// Removes quarantined records, e.g. once a retry has read them.
    func removeQuarantine(ids: [Int64]) throws

    /// What each dataset in the store covers (records, earliest and latest start, last import), by dataset.
    func coverage() throws -> [DatasetCoverage]

    /// Prepares for a load that adds many records: secondary indexes may be dropped until
    /// ``buildDeferredIndexes()``, and are built again if the load is stopped part-way. Nothing by default.
    func deferSecondaryIndexes() throws

    /// Builds the indexes ``deferSecondaryIndexes()`` dropped. Nothing by default.
    func buildDeferredIndexes() throws
}

extension Store {
    public func deferSecondaryIndexes() throws {}
    public func buildDeferredIndexes() throws {}
}

/// A quarantined record as stored, with the id `truce quarantine show` takes.
public struct QuarantineEntry: Hashable, Codable, Sendable {
    public var id: Int64
    public var record: QuarantinedRecord

    public init(id: Int64, record: QuarantinedRecord) {
        self.id = id
        self.record = record
    }
}

/// Filters for listing incidents. Every filter left `nil` matches everything.
public struct IncidentQuery: Hashable, Sendable {
    /// Incidents attributed to this party.
    public var perpetrator: PartyID?
    /// Incidents whose time span overlaps this one.
    public var during: TimeSpan?
    public var category: TargetCategory?
    /// ISO 3166-1 alpha-2 country code.
    public var country: String?
    /// A first-order region (any of its names) or a country code, as ``VerdictQuery/region``.
    public var region: String?
    /// Only incidents whose columns may fall in an agreement's scope.
    public var scope: ScopeColumns?
    public var limit: Int?
    /// How much of each incident to read.
    public var detail: Detail

    /// How much of each incident a query reads: reading less is much faster for many incidents.
    public enum Detail: Sendable {
        /// Everything, with each source record's verbatim fields.
        case full
        /// Everything but the verbatim fields (claims, description and all normalised values).
        case withoutSourceFields
        /// The normalised values kept in columns: time, place, action, target, accused party and fatalities;
        /// no description, claims or sources. Enough to count and judge.
        case summary
    }

    public init(
        perpetrator: PartyID? = nil, during: TimeSpan? = nil, category: TargetCategory? = nil, country: String? = nil,
        region: String? = nil, scope: ScopeColumns? = nil, limit: Int? = nil, detail: Detail = .full
    ) {
        self.perpetrator = perpetrator
        self.during = during
        self.category = category
        self.country = country
        self.region = region
        self.scope = scope
        self.limit = limit
        self.detail = detail
    }

    public static let all = IncidentQuery()
}
