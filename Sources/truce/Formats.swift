import TruceCore
import TruceIngest

/// The dataset formats Truce reads, by the dataset name stored with each record.
enum Formats {
    /// The format that reads records of `dataset`, or `nil` for an unknown name.
    static func format(forDataset dataset: String, actors: () throws -> ActorTable) rethrows -> (any DatasetFormat)? {
        switch dataset {
        case "truce-csv": return TruceCSVFormat()
        case "acled": return ACLEDFormat(actors: try actors())
        default: return nil
        }
    }
}
