import Foundation
import Testing
import TruceEngine
import TruceReport

@Suite("The chart of violations per day")
struct TimeSeriesChartTests {
    /// `count` days from `first` (`YYYY-MM-DD`, UTC), one single-claim violation each.
    static func days(from first: String, count: Int) throws -> [DayCount] {
        let start = try #require(ISO8601DateFormatter().date(from: first + "T00:00:00Z"))
        let json = (0..<count).map { offset in
            let day = ISO8601DateFormatter().string(from: start.addingTimeInterval(Double(offset) * 86_400)).prefix(10)
            return
                #"{"date": "\#(day)", "violations": {"single_claim": 1}, "possibleViolations": 0, "violationRecords": 1, "possibleViolationRecords": 0}"#
        }
        return try JSONDecoder().decode([DayCount].self, from: Data("[\(json.joined(separator: ","))]".utf8))
    }

    @Test("days within one year are labelled month-day; days across a new year are labelled with their year")
    func dayLabelsCarryTheYearAcrossYears() throws {
        let spring = TimeSeriesChart(days: try Self.days(from: "2025-03-18", count: 30), window: nil, markers: []).svg(title: "spring")
        #expect(spring.contains(">03-18<") && !spring.contains(">2025-03-18<"))
        let winter = TimeSeriesChart(days: try Self.days(from: "2020-12-20", count: 30), window: nil, markers: []).svg(title: "winter")
        #expect(winter.contains(">2020-12-20<") && !winter.contains(">12-20<"))
        #expect(winter.contains(">2021-01-"))
    }
}
