import Foundation

/// Local wall-clock times already resolved to instants, by zone and local second. An import resolves the same
/// few thousand days (each record's midnight and the next) over and over, and each resolution asks the
/// `TimeZone` for its offset several times, which is slow; the answer for a zone and wall time never changes.
final class InstantCache: Sendable {
    static let shared = InstantCache()
    /// The most wall times kept; the cache starts afresh when it is full.
    static let capacity = 1 << 16

    private struct Key: Hashable {
        let zone: String
        let localSeconds: Int
    }

    /// Seconds since 1970, which `CivilDays.instant` always gives whole.
    private let instants = BoundedMemo<Key, Int>(capacity: InstantCache.capacity)

    /// The instant of the wall time `localSeconds` (seconds since 1970-01-01T00:00 local) in `zone`, as
    /// `CivilDays.instant(localSeconds:in:)` resolves it.
    func instant(localSeconds: Int, in zone: ZoneIdentifier) -> Date {
        let seconds = instants.value(for: Key(zone: zone.rawValue, localSeconds: localSeconds)) {
            Int(CivilDays.instant(localSeconds: localSeconds, in: zone.timeZone).timeIntervalSince1970)
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
