import Foundation

/// The files shipped with Truce in `data/` (the actor table, the country outlines), found wherever the
/// `truce` binary runs.
///
/// SwiftPM copies them into a resource bundle beside the executable (`Truce_TruceBundledData.resources`, next to
/// `.build/debug/truce`); an installed or copied binary needs that folder next to it.
public enum BundledData {
    /// The name of the resource bundle SwiftPM places beside the executable.
    public static let bundleName = "Truce_TruceBundledData.resources"

    /// The checkout the binary was built from, for shipped files outside `data/` (the demo catalogue).
    public static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled file at `relative` (e.g. `actors.csv`, `boundaries/countries.geojson`), or `nil` when the
    /// resource bundle is not beside the executable or does not hold it.
    public static func url(_ relative: String) -> URL? {
        // `Bundle.module` stops the program when its bundle is missing, so it is read only once the bundle is seen.
        guard FileManager.default.fileExists(atPath: Bundle.main.bundleURL.appendingPathComponent(bundleName).path) else { return nil }
        let candidate = Bundle.module.bundleURL.appendingPathComponent(relative)
        return FileManager.default.fileExists(atPath: candidate.path) ? candidate : nil
    }
}
