import Foundation

extension Gazetteer {
    /// The gazetteer TruceNews ships (`Resources/Gazetteer/places.txt`, derived from GeoNames by
    /// `scripts/gazetteer/derive.py`): every locality of Ukraine, Israel and the Palestinian territories in GeoNames'
    /// cities500, the localities of the Russian regions bordering Ukraine, Russian cities of 100,000 or more, every
    /// national capital, and the first-level regions of Ukraine, Russia, Israel and the Palestinian territories.
    /// Read once, on first use.
    public static var bundled: Gazetteer { BundledGazetteer.shared }

    /// The path of the shipped gazetteer file, a GeoNames dump with `admin1CodesASCII.txt` beside it; `nil` when the
    /// resource bundle does not hold it.
    public static var bundledFile: String? {
        Bundle.module.url(forResource: "Gazetteer", withExtension: nil)?.appendingPathComponent("places.txt").path
    }
}

private enum BundledGazetteer {
    static let shared: Gazetteer = {
        guard let file = Gazetteer.bundledFile else {
            fatalError("TruceNews's resource bundle has no Gazetteer/places.txt: the build did not copy Resources/Gazetteer")
        }
        do {
            return try Gazetteer.read(file: file).gazetteer
        } catch {
            fatalError("The shipped gazetteer cannot be read: \(error)")
        }
    }()
}
