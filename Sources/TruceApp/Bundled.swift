import Foundation
import TruceBundledData
import TruceCore
import TruceEngine

/// The files Truce ships, laid out in its resource bundle as in the checkout (`data/actors.csv`,
/// `data/boundaries/`, `agreements/2025`, `examples/2025/`), found through `Bundle.module` wherever the binary
/// runs, whatever the working directory.
public enum Bundled {
    /// The actor table the importers map dataset actors with.
    public static let actorTable = "data/actors.csv"
    /// The country outlines, drawn under report maps and used to place a point no source gives a country.
    public static let countryOutlines = "data/boundaries/countries.geojson"
    /// The sea outlines a `sea:` scope places points in.
    public static let seaOutlines = "data/boundaries/seas.geojson"
    /// The 2025 agreement catalogue the demo loads.
    public static let catalogue = "agreements/2025"
    /// The example incidents the demo loads (Truce CSV).
    public static let exampleIncidents = "examples/2025/incidents.csv"
    /// The ACLED-format sample the demo imports.
    public static let acledSample = "examples/2025/acled-format-sample.csv"

    /// The path of the shipped file or folder `relative` (as laid out in the checkout, e.g. `data/actors.csv`).
    /// - Throws: ``MissingBundledFile`` when the resource bundle is not beside the binary or does not hold it.
    public static func path(_ relative: String) throws -> String {
        guard let path = find(relative) else { throw MissingBundledFile(relative: relative) }
        return path
    }

    /// The path of the shipped file or folder `relative`, or `nil` when it is nowhere to be found.
    public static func find(_ relative: String) -> String? {
        BundledData.url(relative)?.path
    }

    /// The adjudicator with the bundled sea and country outlines, read once. The first call in a process tells
    /// `observer` which outlines are missing or unreadable and what cannot be judged without them.
    public static func judge(observer: any ProgressObserver) -> Adjudicator {
        let loaded = outlines
        notedMissingOutlines.once { for note in loaded.notes { observer.note(note) } }
        return Adjudicator(seas: loaded.seas, countries: loaded.countries)
    }

    /// The bundled outlines, read on first use.
    private static let outlines = BundledOutlines()

    /// Whether the notes on missing outlines were given.
    private static let notedMissingOutlines = Once()
}

/// A file Truce ships that cannot be found: the resource bundle is not beside the binary.
public struct MissingBundledFile: Error, CustomStringConvertible, Sendable {
    /// The file as laid out in the checkout, e.g. `data/actors.csv`.
    public var relative: String

    public var description: String {
        "cannot find \(relative) (it ships in \(BundledData.bundleName), which must sit beside the truce binary)"
    }
}

/// The bundled sea and country outlines, with a note for each that could not be read; without them a `sea:`
/// scope cannot place a point, and a point whose country no source states stays open for a country or region.
private struct BundledOutlines: Sendable {
    var seas = SeaOutlines()
    var countries = CountryOutlines()
    var notes: [String] = []

    init() {
        seas = read(
            Bundled.seaOutlines, named: "sea outlines", without: "a sea: scope cannot place a point", empty: SeaOutlines(),
            read: SeaOutlines.init(geoJSON:file:))
        countries = read(
            Bundled.countryOutlines, named: "country outlines", without: "a point of unknown country cannot be placed",
            empty: CountryOutlines(), read: CountryOutlines.init(geoJSON:file:))
    }

    /// The shipped outline file `relative` read by `read`, or `empty` with a note saying what cannot be done
    /// `without` it when it is missing or unreadable.
    private mutating func read<Outlines>(
        _ relative: String, named name: String, without consequence: String, empty: Outlines, read: (Data, String) throws -> Outlines
    ) -> Outlines {
        guard let path = Bundled.find(relative) else {
            notes.append("note: the bundled \(name) (\(relative)) were not found, so \(consequence)")
            return empty
        }
        do {
            return try read(Data(contentsOf: URL(fileURLWithPath: path)), path)
        } catch {
            notes.append("note: the bundled \(name) cannot be read (\(error)), so \(consequence)")
            return empty
        }
    }
}

/// Runs a body once per process, whichever thread asks first.
private final class Once: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false

    func once(_ body: () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        guard !done else { return }
        done = true
        body()
    }
}
