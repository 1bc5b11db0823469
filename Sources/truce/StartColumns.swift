import Foundation
import TruceApp
import TruceCore

/// The start columns of a listing: `START (UTC)` alone, or with an agreement `START (Europe/Moscow)` in the
/// agreement's zone first and `START (UTC)` beside it.
struct StartColumns {
    /// The agreement's zone, or `nil` for UTC alone.
    var zone: ZoneIdentifier?

    var headers: [String] { (zone.map { ["START (\($0.rawValue))"] } ?? []) + ["START (UTC)"] }

    func cells(_ start: Date) -> [String] {
        (zone.map { [TimeFormatting.local(start, in: $0)] } ?? []) + [TimeFormatting.utc(start)]
    }
}
