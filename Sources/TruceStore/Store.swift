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

    /// Saves incidents and the records that could not be read, in one transaction.
    /// - Returns: the counts, with `quarantined` the number of records kept aside (including ones already kept).
    func save(incidents: [Incident], quarantined: [QuarantinedRecord]) throws -> LoadSummary

    /// Every agreement, by id.
    func agreements() throws -> [Agreement]

    /// The agreement with `id`, or `nil`.
    func agreement(id: AgreementID) throws -> Agreement?

    /// Incidents matching `query`, by start time then id.
    func incidents(matching query: IncidentQuery) throws -> [Incident]

    /// Every quarantined record, by file and line.
    func quarantinedRecords() throws -> [QuarantinedRecord]
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
    public var limit: Int?

    public init(
        perpetrator: PartyID? = nil, during: TimeSpan? = nil, category: TargetCategory? = nil, country: String? = nil,
        limit: Int? = nil
    ) {
        self.perpetrator = perpetrator
        self.during = during
        self.category = category
        self.country = country
        self.limit = limit
    }

    public static let all = IncidentQuery()
}
