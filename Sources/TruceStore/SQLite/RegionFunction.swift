import Foundation
import GRDB
import TruceCore

/// The SQL function `truce_admin1_in_region(admin1, region)`: whether a first-level region named `admin1` is the
/// region `region` by any of its names (``Regions/place(country:admin1:isIn:)`` for a place whose country is not
/// `region`). Region filters run in SQL with it, so that a page holds only matching rows and nothing else is
/// decoded. A store holds few distinct region names, so each name's answer is worked out once per region.
enum RegionFunction {
    static let name = "truce_admin1_in_region"

    static let function = DatabaseFunction(name, argumentCount: 2, pure: true) { values in
        guard let admin1 = String.fromDatabaseValue(values[0]), let region = String.fromDatabaseValue(values[1]) else {
            return false
        }
        return answers.answer(admin1: admin1, region: region)
    }

    /// The condition that a row (columns named with `prefix`) lies in `region`, and its arguments.
    static func condition(prefix: String) -> String {
        "(\(prefix)country = ? OR (\(prefix)admin1 IS NOT NULL AND \(name)(\(prefix)admin1, ?)))"
    }

    private static let answers = Answers()

    /// Answers already worked out, shared by every connection.
    private final class Answers: @unchecked Sendable {
        private let lock = NSLock()
        private var known: [Key: Bool] = [:]
        /// Bounds the memory of a store with unusually many distinct names.
        private let capacity = 100_000

        private struct Key: Hashable {
            var admin1: String
            var region: String
        }

        func answer(admin1: String, region: String) -> Bool {
            let key = Key(admin1: admin1, region: region)
            if let answer = lock.withLock({ known[key] }) { return answer }
            // `country` is compared in SQL; a nil country never equals the region, so only the names decide here.
            let answer = Regions.place(country: nil, admin1: admin1, isIn: region)
            lock.withLock {
                if known.count >= capacity { known.removeAll(keepingCapacity: true) }
                known[key] = answer
            }
            return answer
        }
    }
}
