import Foundation
import Synchronization
import Testing
import TruceCore

@Suite("Stated times, zones and durations")
struct TimeTests {
    let kyiv = ZoneIdentifier("Europe/Kyiv")!
    let moscow = ZoneIdentifier("Europe/Moscow")!

    @Test("times resolved on many threads at once, days and zones mixed, are the instants the calendar gives")
    func instantsOnManyThreads() {
        let zones = [kyiv, moscow, ZoneIdentifier("America/New_York")!, ZoneIdentifier("UTC")!]
        // Days 64 apart share a slot of a thread's table of recent answers: they must not be mistaken for each other.
        let times = (0..<2000).map { index in
            let day = Date(timeIntervalSince1970: 1_420_070_400 + Double(index % 500) * 64 * 86_400 + Double(index / 500) * 86_400)
            let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: day)
            return (StatedTime(year: parts.year!, month: parts.month!, day: parts.day!, clock: .init(hour: 12, minute: 0)), zones[index % 4])
        }
        let expected = times.map { stated, zone in
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone.timeZone
            return calendar.date(from: DateComponents(year: stated.year, month: stated.month, day: stated.day, hour: 12))!
        }
        let mismatches = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for pass in 0..<3 {
                for index in stride(from: (thread * 7 + pass) % times.count, to: times.count, by: 1) {
                    let (stated, zone) = times[index]
                    if stated.instant(in: zone) != expected[index] { mismatches.withLock { $0 += 1 } }
                }
            }
        }
        #expect(mismatches.withLock { $0 } == 0)
    }

    @Test("a date-only time is local midnight in the given zone")
    func dateOnlyIsLocalMidnight() throws {
        let stated = try #require(StatedTime(parsing: "2025-03-18"))
        #expect(stated.isDateOnly)
        #expect(stated.instant(in: moscow) == utc("2025-03-17T21:00:00Z"))
    }

    @Test("an explicit offset overrides the zone")
    func explicitOffsetWins() throws {
        let stated = try #require(StatedTime(parsing: "2025-04-19T18:00+03:00"))
        #expect(stated.instant(in: kyiv) == utc("2025-04-19T15:00:00Z"))
        #expect(StatedTime(parsing: "2025-04-19T15:00Z")?.instant(in: kyiv) == utc("2025-04-19T15:00:00Z"))
    }

    @Test(
        "impossible or malformed times are rejected",
        arguments: ["2025-04-31", "2025-02-29", "2025-13-01", "2025-3-1", "2025-03-18T24:00", "2025-03-18T19:30+3", "yesterday", ""])
    func malformedTimesAreRejected(text: String) {
        #expect(StatedTime(parsing: text) == nil)
    }

    @Test(
        "a stated time prints back as written",
        arguments: ["2025-03-18", "2025-03-18T19:30", "2025-03-18T19:30:15", "2025-03-18T16:30Z", "2025-03-18T19:30-04:30"])
    func statedTimeRoundTrips(text: String) throws {
        #expect(try #require(StatedTime(parsing: text)).description == text)
    }

    @Test("Kyiv is UTC+2 before 30 March 2025 and UTC+3 after")
    func kyivChangesOffset() throws {
        #expect(kyiv.secondsFromUTC(at: utc("2025-03-29T12:00:00Z")) == 7200)
        #expect(kyiv.secondsFromUTC(at: utc("2025-03-31T12:00:00Z")) == 10800)
        #expect(moscow.secondsFromUTC(at: utc("2025-03-31T12:00:00Z")) == 10800)
    }

    @Test("a 30-day window keeps its local clock time across the DST change, so it lasts 30 days less an hour")
    func thirtyDaysAcrossDST() throws {
        let window = AgreementWindow(start: StatedTime(parsing: "2025-03-25"), end: .after(CalendarDuration(days: 30)))
        let span = try #require(window.span(defaultZone: kyiv))
        #expect(span.start == utc("2025-03-24T22:00:00Z"))
        #expect(span.end == utc("2025-04-23T21:00:00Z"))
        #expect(span.duration == TimeInterval(30 * 86_400 - 3_600))
    }

    @Test("hours in a duration are elapsed hours, days are calendar days")
    func hoursAreElapsed() throws {
        let start = try #require(StatedTime(parsing: "2025-03-29T22:00")).instant(in: kyiv)
        #expect(CalendarDuration(hours: 36).added(to: start, in: kyiv) == utc("2025-03-31T08:00:00Z"))
        #expect(CalendarDuration(days: 1, hours: 12).added(to: start, in: kyiv) == utc("2025-03-31T07:00:00Z"))
    }

    @Test("durations parse from 30d, 72h, 1d12h and reject nonsense")
    func durationsParse() {
        #expect(CalendarDuration(parsing: "30d") == CalendarDuration(days: 30))
        #expect(CalendarDuration(parsing: "1d12h") == CalendarDuration(days: 1, hours: 12))
        #expect(CalendarDuration(parsing: "90m")?.description == "90m")
        for bad in ["30", "d", "30 days", "0d", "3d3d", "-1d"] { #expect(CalendarDuration(parsing: bad) == nil, "\(bad)") }
    }

    @Test("fixed-offset zones parse; unknown names do not")
    func zonesParse() {
        #expect(ZoneIdentifier("UTC+03:00")?.secondsFromUTC(at: Date()) == 10800)
        #expect(ZoneIdentifier("UTC-5")?.secondsFromUTC(at: Date()) == -18000)
        #expect(ZoneIdentifier("Europe/Atlantis") == nil)
        #expect(ZoneIdentifier("MSK") == nil)
    }

    @Test("a local time skipped by the DST change resolves after the gap")
    func skippedLocalTime() throws {
        let stated = try #require(StatedTime(parsing: "2025-03-30T03:30"))
        let instant = stated.instant(in: kyiv)
        #expect(instant >= utc("2025-03-30T01:00:00Z"))
        #expect(instant <= utc("2025-03-30T01:30:00Z"))
    }

    @Test("half-open spans: touching spans do not overlap, a straddling one overlaps without being enclosed")
    func spanRelations() {
        let window = TimeSpan(start: utc("2025-04-19T15:00:00Z"), end: utc("2025-04-20T21:00:00Z"))
        let before = TimeSpan(start: utc("2025-04-19T14:00:00Z"), end: utc("2025-04-19T15:00:00Z"))
        let straddling = TimeSpan(start: utc("2025-04-19T14:30:00Z"), end: utc("2025-04-19T15:30:00Z"))
        #expect(!window.overlaps(before))
        #expect(window.overlaps(straddling) && !window.encloses(straddling))
        #expect(window.contains(window.start) && !window.contains(window.end!))
        #expect(TimeSpan(start: window.start, end: nil).encloses(straddling) == false)
    }

    @Test("a week-precision incident spans seven local days; a month one the calendar month")
    func impliedSpans() throws {
        let stated = try #require(StatedTime(parsing: "2025-04-14"))
        let week = IncidentTime.implied(by: stated, precision: .week, in: kyiv)
        #expect(week.span.start == utc("2025-04-13T21:00:00Z"))
        #expect(week.span.end == utc("2025-04-20T21:00:00Z"))
        let month = IncidentTime.implied(by: stated, precision: .month, in: kyiv)
        #expect(month.span.start == utc("2025-03-31T21:00:00Z"))
        #expect(month.span.end == utc("2025-04-30T21:00:00Z"))
        let march = IncidentTime.implied(by: try #require(StatedTime(parsing: "2025-03-10")), precision: .month, in: kyiv)
        #expect(march.span.duration == TimeInterval(31 * 86_400 - 3_600))
    }
}

func utc(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    return formatter.date(from: text)!
}
