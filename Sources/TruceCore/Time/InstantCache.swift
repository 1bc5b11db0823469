import Foundation

/// Local wall-clock times already resolved to instants, by zone and local second. An import resolves the same
/// few thousand days (each record's midnight and the next) over and over, and each resolution asks the
/// `TimeZone` for its offset several times, which is slow; the answer for a zone and wall time never changes.
///
/// Each thread first looks in its own small table of the wall times it resolved last (no lock, no hashing of the
/// zone's name); a miss there goes to the table all threads share.
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
        let recent = RecentInstants.ofThisThread
        if let seconds = recent.seconds(localSeconds: localSeconds, zone: zone.rawValue) {
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        let seconds = instants.value(for: Key(zone: zone.rawValue, localSeconds: localSeconds)) {
            Int(CivilDays.instant(localSeconds: localSeconds, in: zone.timeZone).timeIntervalSince1970)
        }
        recent.remember(seconds, localSeconds: localSeconds, zone: zone.rawValue)
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}

/// The wall times one thread resolved last, one slot per local day modulo the table's size: an import's rows
/// come mostly in date order, so most look-ups find the day they ask for where the thread left it.
private final class RecentInstants {
    static let slots = 64
    private var zones = [String?](repeating: nil, count: slots)
    private var localSeconds = [Int](repeating: .min, count: slots)
    private var seconds = [Int](repeating: 0, count: slots)

    /// This thread's table, made on its first use and freed with the thread.
    static var ofThisThread: RecentInstants {
        if let pointer = pthread_getspecific(recentInstantsKey) {
            return Unmanaged<RecentInstants>.fromOpaque(pointer).takeUnretainedValue()
        }
        let table = RecentInstants()
        pthread_setspecific(recentInstantsKey, Unmanaged.passRetained(table).toOpaque())
        return table
    }

    private static func slot(_ localSeconds: Int) -> Int {
        Int(UInt(bitPattern: localSeconds.dividedRoundingDown(by: 86_400)) % UInt(slots))
    }

    func seconds(localSeconds wallTime: Int, zone: String) -> Int? {
        let slot = Self.slot(wallTime)
        guard localSeconds[slot] == wallTime, zones[slot] == zone else { return nil }
        return seconds[slot]
    }

    func remember(_ instant: Int, localSeconds wallTime: Int, zone: String) {
        let slot = Self.slot(wallTime)
        (zones[slot], localSeconds[slot], seconds[slot]) = (zone, wallTime, instant)
    }
}

/// The thread-specific slot holding each thread's ``RecentInstants``, released when the thread ends.
private let recentInstantsKey: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key) { pointer in
        guard let pointer else { return }
        Unmanaged<AnyObject>.fromOpaque(pointer).release()
    }
    return key
}()

extension Int {
    /// The quotient rounded towards minus infinity (days before 1970 fall in their own day, not the next).
    fileprivate func dividedRoundingDown(by divisor: Int) -> Int {
        let (quotient, remainder) = quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? quotient - 1 : quotient
    }
}
