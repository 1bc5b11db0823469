import Foundation
import TruceCore

/// Saves one file's import batches into a store, so that one record the store refuses cannot stop the import,
/// and counts what has been committed, for the summary of an import that stops early.
///
/// A batch refused because of a record (too large, or against a rule of the database; see
/// ``StoreError/isCausedByRecord``) is saved again in halves, down to single records, and each record still
/// refused is quarantined with the reason. Every retry is smaller than the one before, so this always ends;
/// a failure of the disk, the lock or the file is thrown at once.
public struct ImportSaver {
    public let store: any Store
    /// The file as the user named it, for the records quarantined here.
    public let file: String
    /// What has been committed so far, batch by batch.
    public private(set) var committed = LoadSummary()

    /// The longest raw text kept for a record the store refused: the refusal may be for its length.
    public static let refusedRawLimit = 4096

    /// The bulk-load threshold: once a load has added this many new records (fewer into an empty store: see
    /// ``emptyStoreBulkLoadThreshold``), and at least as many as the store held before it, the store's secondary
    /// indexes are dropped and built once when the load ends (``finish()``), which is cheaper than updating them
    /// row by row. A load into a much larger store keeps them, as building
    /// them again would cost more than it saves.
    public static let bulkLoadThreshold = 100_000

    /// The bulk-load threshold of a load into a store that held no record: its indexes cover only what the load
    /// adds, so building them once at its end always costs less than keeping them up to date; the load defers
    /// them as soon as it has added a full batch of an import (4,096 records), leaving the smallest loads as they are.
    public static let emptyStoreBulkLoadThreshold = 4096

    /// New records after which the load defers the store's indexes (see ``bulkLoadThreshold``).
    public var bulkLoadThreshold = ImportSaver.bulkLoadThreshold
    /// New records after which a load into an empty store defers them (see ``emptyStoreBulkLoadThreshold``).
    public var emptyStoreBulkLoadThreshold = ImportSaver.emptyStoreBulkLoadThreshold
    /// Records the store held when the load began, read at the first save.
    private var storedBefore: Int?
    /// Whether this load has deferred the store's indexes.
    public private(set) var defersIndexes = false

    public init(store: any Store, file: String) {
        self.store = store
        self.file = file
    }

    /// Ends the load: builds the indexes it deferred, if any. Called whether the load succeeded or not (a
    /// process killed before it leaves them to the next opening of the store).
    public mutating func finish() throws {
        guard defersIndexes else { return }
        try store.buildDeferredIndexes()
        defersIndexes = false
    }

    /// Defers the store's indexes once the load has added enough records.
    private mutating func deferIndexesIfLarge() throws {
        guard !defersIndexes, committed.new >= min(bulkLoadThreshold, emptyStoreBulkLoadThreshold) else { return }
        if storedBefore == nil { storedBefore = try store.coverage().reduce(0) { $0 + $1.records } - committed.new }
        let threshold = storedBefore == 0 ? min(bulkLoadThreshold, emptyStoreBulkLoadThreshold) : bulkLoadThreshold
        guard committed.new >= threshold, committed.new >= storedBefore! else { return }
        try store.deferSecondaryIndexes()
        defersIndexes = true
    }

    /// What saving one batch did.
    public struct Outcome: Sendable {
        public var summary = LoadSummary()
        /// Records the store refused, now quarantined (already counted in `summary`).
        public var refused: [QuarantinedRecord] = []
    }

    /// Saves a batch, in one transaction when the store accepts all of it (handed to the store as it is, with no
    /// copy of its incidents).
    /// - Throws: ``StoreError`` for anything but a refused record, or when even the quarantined form of a
    ///   refused record is refused.
    public mutating func save(_ prepared: [PreparedIncident], quarantined: [QuarantinedRecord]) throws -> Outcome {
        var outcome = Outcome()
        if !prepared.isEmpty || !quarantined.isEmpty {
            do {
                count(try store.save(prepared: prepared, quarantined: quarantined), into: &outcome)
            } catch let error as StoreError where error.isCausedByRecord {
                try split((prepared.map(Item.incident) + quarantined.map(Item.record))[...], refusedWith: error, into: &outcome)
            }
        }
        try deferIndexesIfLarge()
        return outcome
    }

    private enum Item {
        case incident(PreparedIncident)
        case record(QuarantinedRecord)

        var incident: PreparedIncident? { if case .incident(let value) = self { value } else { nil } }
        var record: QuarantinedRecord? { if case .record(let value) = self { value } else { nil } }
    }

    private mutating func save(_ items: ArraySlice<Item>, into outcome: inout Outcome) throws {
        guard !items.isEmpty else { return }
        do {
            count(try store.save(prepared: items.compactMap(\.incident), quarantined: items.compactMap(\.record)), into: &outcome)
        } catch let error as StoreError where error.isCausedByRecord {
            try split(items, refusedWith: error, into: &outcome)
        }
    }

    /// Saves `items`, which the store refused together, again in halves; a single item is quarantined.
    private mutating func split(_ items: ArraySlice<Item>, refusedWith error: StoreError, into outcome: inout Outcome) throws {
        guard items.count > 1 else {
            try refuse(items[items.startIndex], because: error, into: &outcome)
            return
        }
        let middle = items.startIndex + items.count / 2
        try save(items[..<middle], into: &outcome)
        try save(items[middle...], into: &outcome)
    }

    /// Quarantines a refused record: an incident as its source values, or a quarantined record with its raw
    /// text cut short.
    private mutating func refuse(_ item: Item, because error: StoreError, into outcome: inout Outcome) throws {
        let reason: String
        if case .recordRejected(let text) = error.cause { reason = text } else { reason = error.description }
        var record: QuarantinedRecord
        switch item {
        case .incident(let prepared):
            let source = prepared.incident.sources.first
            let line = source?.line ?? 0
            let problem = Diagnostic(
                file: file, line: line, field: "",
                message: "cannot be stored: \(reason) (raw shows the record's values\(source.map { " from \($0.file)" } ?? ""))")
            record = QuarantinedRecord(
                dataset: source?.dataset ?? "", file: file, line: line, problems: [problem],
                raw: Self.cut(prepared.stored.values.first ?? prepared.incident.id))
        case .record(let kept):
            guard kept.raw.utf8.count > Self.refusedRawLimit else { throw error }
            record = kept
            record.raw = Self.cut(kept.raw)
            record.problems.append(
                Diagnostic(
                    file: kept.file, line: kept.line, field: "",
                    message: "raw text cut to \(Self.refusedRawLimit) bytes of \(kept.raw.utf8.count): \(reason)"))
        }
        count(try store.save(prepared: [], quarantined: [record]), into: &outcome)
        outcome.refused.append(record)
    }

    private mutating func count(_ summary: LoadSummary, into outcome: inout Outcome) {
        outcome.summary = outcome.summary + summary
        committed = committed + summary
    }

    /// `text` cut to at most ``refusedRawLimit`` UTF-8 bytes, on a character boundary, marked when cut.
    static func cut(_ text: String) -> String {
        guard text.utf8.count > refusedRawLimit else { return text }
        var result = ""
        var bytes = 0
        for character in text {
            bytes += character.utf8.count
            if bytes > refusedRawLimit - 3 { break }
            result.append(character)
        }
        return result + "…"
    }
}
