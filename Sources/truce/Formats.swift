import TruceCore
import TruceIngest

/// The dataset formats Truce reads: by the name `truce import` takes, and by the dataset name stored with
/// each record (which `truce quarantine retry` reads back).
enum Formats {
    /// The names `truce import` takes.
    static let names = ["acled", "ucdp", "gdelt", "truce"]

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
