import Foundation
import TruceBundledData
import TruceCore
import TruceEngine

/// Finds the files Truce ships: `data/` files in the resource bundle beside the executable; the demo catalogue
/// relative to the working directory, the executable, or the checkout the executable was built from.
enum Bundled {
    /// The path of the shipped file `relative` (as laid out in the checkout, e.g. `data/actors.csv`).
    /// - Throws: a ``Failure`` naming `option`, the way to give the file instead, when it cannot be found.
    static func path(_ relative: String, option: String) throws -> String {
        if let path = find(relative) { return path }
        let whereShipped = relative.hasPrefix("data/")
            ? "in \(BundledData.bundleName), which must sit beside the truce binary" : "in the Truce checkout"
        throw Failure(message: "cannot find \(relative) (it ships \(whereShipped)): pass \(option)", code: .invalidInput)
    }

    /// The path of the shipped file `relative`, or `nil` when it is nowhere to be found.
    static func find(_ relative: String) -> String? {
        let dataFolder = "data/"
        if relative.hasPrefix(dataFolder) { return BundledData.url(String(relative.dropFirst(dataFolder.count)))?.path }
        let manager = FileManager.default
        if manager.fileExists(atPath: relative) { return relative }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent(relative).path
            if manager.fileExists(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        let inCheckout = BundledData.checkout.appendingPathComponent(relative).path
        return manager.fileExists(atPath: inCheckout) ? inCheckout : nil
    }
}

extension Bundled {
    /// The bundled sea outlines (`data/boundaries/seas.geojson`), read once; without them (with a note on
    /// standard error) a `sea:` scope cannot place a point and judges it `unknown`.
    static let seaOutlines = outlines(
        "data/boundaries/seas.geojson", named: "sea outlines", without: "a sea: scope cannot place a point", empty: SeaOutlines(),
        read: SeaOutlines.init(geoJSON:file:))

    /// The bundled country outlines (`data/boundaries/countries.geojson`), read once; without them (with a note
    /// on standard error) a point whose country no source states stays open for a country or region area.
    static let countryOutlines = outlines(
        "data/boundaries/countries.geojson", named: "country outlines", without: "a point of unknown country cannot be placed",
        empty: CountryOutlines(), read: CountryOutlines.init(geoJSON:file:))

    /// The adjudicator with the bundled sea and country outlines: every command judges with it.
    static var judge: Adjudicator { Adjudicator(seas: seaOutlines, countries: countryOutlines) }

    /// The shipped outline file `relative` read by `read`, or `empty` with a note saying what cannot be done
    /// `without` it when it is missing or unreadable.
    private static func outlines<Outlines>(
        _ relative: String, named name: String, without consequence: String, empty: Outlines, read: (Data, String) throws -> Outlines
    ) -> Outlines {
        guard let path = find(relative) else {
            printError("note: the bundled \(name) (\(relative)) were not found, so \(consequence)")
            return empty
        }
        do {
            return try read(Data(contentsOf: URL(fileURLWithPath: path)), path)
        } catch {
            printError("note: the bundled \(name) cannot be read (\(error)), so \(consequence)")
            return empty
        }
    }
}
