import Foundation
import TruceCore
import TruceEngine
import TruceIngest
import TruceStore

/// The demo's steps: load the 2025 catalogue, the example incidents and an ACLED-format sample into a store,
/// adjudicate, sum up each agreement and write two reports. Safe to run again: loads are idempotent.
public enum Demo {
    /// The files the demo loads.
    public struct Files: Hashable, Sendable {
        /// The agreement catalogue: a directory of `.yaml` files.
        public var catalogue: File
        /// Example incidents in Truce CSV.
        public var incidents: File
        /// A sample in ACLED's export layout.
        public var acled: File
    }

    /// A file the demo loads: where it is, and the name it is shown and recorded by (a shipped file's name in
    /// the checkout, such as `agreements/2025`; a given file's path as given).
    public struct File: Hashable, Sendable {
        public var path: String
        public var name: String

        /// The file at `given`, else the shipped file `relative`.
        /// - Throws: ``MissingBundledFile`` when none is given and the shipped one is missing.
        init(given: String?, shipped relative: String) throws {
            if let given {
                (path, name) = (given, given)
            } else {
                (path, name) = (try Bundled.path(relative), relative)
            }
        }
    }

    /// The agreements the demo writes a report on.
    public static let reportedAgreements: [AgreementID] = ["energy-moratorium-2025", "gaza-ceasefire-2025"]

    /// The files given, else the bundled ones, looked up in that order.
    /// - Throws: ``MissingBundledFile`` for the first one neither given nor shipped.
    public static func files(catalogue: String? = nil, incidents: String? = nil, acled: String? = nil) throws -> Files {
        Files(
            catalogue: try File(given: catalogue, shipped: Bundled.catalogue),
            incidents: try File(given: incidents, shipped: Bundled.exampleIncidents),
            acled: try File(given: acled, shipped: Bundled.acledSample))
    }

    /// The demo database's path in `directory`, created if missing.
    public static func databasePath(in directory: String) throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return (directory as NSString).appendingPathComponent("truce.sqlite")
    }

    /// Loads the catalogue, telling `observer` of every diagnostic.
    /// - Throws: ``Failure`` when any of its files has an error.
    public static func loadCatalogue(_ catalogue: File, into store: some Store, observer: any ProgressObserver = QuietObserver()) throws
        -> LoadSummary
    {
        let loaded = try Loading.agreements(from: [catalogue.path], into: store, observer: observer)
        guard !loaded.catalog.diagnostics.containsErrors else {
            throw Failure(message: "the catalogue in \(catalogue.name) has errors", kind: .invalidInput)
        }
        return loaded.summary
    }

    /// Imports the example incidents (Truce CSV), their records keeping the file's name.
    public static func importIncidents(_ file: File, into store: some Store, observer: any ProgressObserver = QuietObserver()) throws -> LoadSummary {
        try Importer(format: "truce")!.importFile(file.path, named: file.name, into: store, observer: observer)
    }

    /// Imports the ACLED-format sample with the bundled actor table, its records keeping the file's name.
    public static func importACLEDSample(_ file: File, into store: some Store, observer: any ProgressObserver = QuietObserver()) throws -> LoadSummary
    {
        try Importer(format: "acled")!.importFile(file.path, named: file.name, into: store, observer: observer)
    }

    /// Each stored agreement with how many records fall in its window and scope, and its alleged violation events.
    public static func agreementSummaries(in store: some VerdictStore) throws -> [AgreementSummary] {
        let stored = try store.incidents(matching: .all)
        return try store.agreements().map { agreement in
            AgreementSummary(
                agreement: agreement, records: ScopeCount.count(stored, against: agreement),
                violations: ViolationTally(verdicts: try store.verdicts(matching: VerdictQuery(agreement: agreement.id))))
        }
    }

    /// One agreement as the demo sums it up.
    public struct AgreementSummary: Sendable {
        public var agreement: Agreement
        /// Records in its window, in its window and scope, and possibly in scope (imprecise or missing data).
        public var records: ScopeCount
        public var violations: ViolationTally
    }
}

/// Violation and possible-violation events of one agreement, by accused party and evidence level, with their
/// records: an event reported by several sources counts once.
public struct ViolationTally: Sendable {
    /// The events of one accused party and verdict kind.
    public struct Row: Hashable, Sendable {
        /// The accused party, or `unattributed`.
        public var accused: String
        public var kind: VerdictKind
        /// Events at each evidence level, in the order of `EvidenceLevel.allCases`.
        public var events: [Int]
        /// The records of those events.
        public var records: Int
    }

    /// By accused party, then verdict kind.
    public var rows: [Row]

    public init(verdicts: [StoredVerdict]) {
        let counted = EventListing(verdicts).rows.filter { $0.kind == .violation || $0.kind == .possibleViolation }
        let key = { (row: EventListing.Row) in "\(row.accused?.rawValue ?? "unattributed")\t\(row.kind.rawValue)" }
        rows = Set(counted.map(key)).sorted().map { sortKey in
            let group = counted.filter { key($0) == sortKey }
            return Row(
                accused: group[0].accused?.rawValue ?? "unattributed", kind: group[0].kind,
                events: EvidenceLevel.allCases.map { level in group.filter { $0.evidence == level }.count },
                records: group.map(\.verdicts.count).reduce(0, +))
        }
    }
}
