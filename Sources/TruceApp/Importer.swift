import Foundation
import TruceCore
import TruceIngest
import TruceStore

/// Imports incident files of one dataset format: ACLED, UCDP GED, GDELT 2.0 events or Truce CSV.
///
/// Files are read in chunks, so memory stays flat however large they are; rows that cannot be read are
/// quarantined with file, line, field and reason, and the import goes on. Importing a file again adds nothing.
public struct Importer {
    /// The format names an import takes.
    public static let formatNames = ["acled", "ucdp", "gdelt", "truce"]

    /// The format files are read in.
    public let format: any DatasetFormat

    /// The importer for the format called `name` (one of ``formatNames``, or a dataset name stored with a
    /// record, as a quarantined row keeps it), or `nil` when no format has that name. ACLED and UCDP map
    /// actors to parties with the actor table at `actorTable`, else with the bundled one.
    /// - Throws: ``MissingBundledFile`` when no table is given and the bundled one is missing; ``Failure``
    ///   when the table cannot be read or has errors.
    public init?(format name: String, actorTable: String? = nil) throws {
        guard let format = try Self.format(named: name, actors: { try ActorTables.load(actorTable) }) else { return nil }
        self.format = format
    }

    /// Streams `file` (plain or gzip; `-` for standard input) into `store` in batches, or with `store` nil only
    /// reads and normalises it (a dry run), telling `observer` its progress and every row quarantined.
    /// - Parameters:
    ///   - name: the file's name as its records keep it (their `file:line`), e.g. an uploaded file's own name
    ///     when `file` is where it was saved; `file` when `nil`.
    ///   - maxRecordBytes: the longest record read; a longer one is quarantined and reading goes on.
    /// - Returns: the counts: new, updated, unchanged, quarantined.
    /// - Throws: ``Failure`` when the file cannot be read at all or is not of this format, or when the store
    ///   fails part-way: then with the counts committed before it stopped (``Failure/committed``).
    public func importFile(
        _ file: String, named name: String? = nil, into store: (any Store)?, maxRecordBytes: Int = RecordStream.defaultMaxRecordBytes,
        observer: any ProgressObserver = QuietObserver()
    ) throws -> LoadSummary {
        let format = format
        return try Loading.incidents(from: file, named: name, format: format, into: store, maxRecordBytes: maxRecordBytes, observer: observer)
    }

    /// The format called `name` on the command line or stored as a record's dataset, or `nil` if unknown.
    static func format(named name: String, actors: () throws -> ActorTable) rethrows -> (any DatasetFormat)? {
        switch name {
        case "truce", "truce-csv": return TruceCSVFormat()
        case "acled": return ACLEDFormat(actors: try actors())
        case "ucdp": return UCDPFormat(actors: try actors())
        case "gdelt": return GDELTFormat()
        default: return nil
        }
    }
}

/// Loads the actor table the importers map actors with.
enum ActorTables {
    /// The table at `path`, else the bundled one.
    static func load(_ path: String?) throws -> ActorTable {
        let given = path
        let path = try given ?? Bundled.path(Bundled.actorTable)
        do {
            return try ActorTable(csv: try String(contentsOfFile: path, encoding: .utf8), file: path)
        } catch let diagnostic as Diagnostic {
            throw Failure(message: diagnostic.description, kind: .invalidInput)
        } catch {
            let origin = given == nil ? "the bundled actor table" : "the actor table given with --actors"
            throw Failure(message: "\(path) (\(origin)): cannot be read: \(error.localizedDescription)", kind: .invalidInput)
        }
    }
}
