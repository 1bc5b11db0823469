import Foundation

/// The files shipped with Truce, found wherever the `truce` binary runs: the actor table and the outlines
/// (`data/`), the agreement catalogue (`agreements/`) and the example incidents (`examples/`).
///
/// SwiftPM copies them into a resource bundle beside the executable (`Truce_TruceBundledData.resources`, next to
/// `.build/debug/truce`): `data/`'s files at its top, `agreements/` and `examples/` as they are. An installed or
/// copied binary needs that folder next to it.
public enum BundledData {
    /// The name of the resource bundle SwiftPM places beside the executable.
    public static let bundleName = "Truce_TruceBundledData.resources"

    /// The bundled file or folder at `relative`, as laid out in the checkout (e.g. `data/actors.csv`,
    /// `agreements/2025`), or `nil` when the resource bundle is not beside the executable or does not hold it.
    public static func url(_ relative: String) -> URL? {
        let dataFolder = "data/"
        let inBundle = relative.hasPrefix(dataFolder) ? String(relative.dropFirst(dataFolder.count)) : relative
        // `Bundle.module` also looks in the folder the package was built in, and stops the program when its
        // bundle is nowhere: it is read only once the bundle is seen beside the executable.
        guard FileManager.default.fileExists(atPath: Bundle.main.bundleURL.appendingPathComponent(bundleName).path) else { return nil }
        let candidate = Bundle.module.bundleURL.appendingPathComponent(inBundle)
        return FileManager.default.fileExists(atPath: candidate.path) ? candidate : nil
    }
}
