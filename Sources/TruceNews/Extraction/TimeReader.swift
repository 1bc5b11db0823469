import Foundation
import TruceCore

/// Reads when something happened from a sentence's words and the article's publication time: dates ("on March
/// 19", "19 березня"), weekdays ("late Tuesday"), days relative to publication ("yesterday"), nights
/// ("overnight", "on the night of March 18"), the past day or week. Days are counted in `zone` (the place's, else
/// the article's), and the span is never narrower than the words support: a sentence with no time word has none.
struct TimeReader {
    let lexicon: Lexicon
    let published: Date
    let publishedPrecision: TimePrecision

    /// A local calendar day.
    struct Day: Hashable, Comparable {
        var number: Int  // days since 1970-01-01
        var stated: StatedTime {
            let (year, month, day) = CivilDays.date(number: number)
            return StatedTime(year: year, month: month, day: day)
        }
        init(_ number: Int) { self.number = number }
        init(year: Int, month: Int, day: Int) { number = CivilDays.number(year: year, month: month, day: day) }
        static func < (lhs: Day, rhs: Day) -> Bool { lhs.number < rhs.number }
        /// Day of the week, 1 = Sunday … 7 = Saturday (1970-01-01 was a Thursday).
        var weekday: Int { ((number % 7) + 7 + 4) % 7 + 1 }
    }

    /// The publication's day in `zone` (a date-only publication keeps its date).
    func publicationDay(in zone: ZoneIdentifier) -> Day {
        if publishedPrecision >= .day {
            return Day(Int((published.timeIntervalSince1970 / 86_400).rounded(.down)))
        }
        let clock = zone.wallClock(at: published)
        return Day(year: clock.year, month: clock.month, day: clock.day)
    }

    /// - Parameter statement: the words that tell when a statement was made ("said on Friday"), whose dates and
    ///   weekdays are not the act's.
    func time(in sentence: Sentence, zone: ZoneIdentifier, excluding statement: Range<Int>? = nil) -> TimeMention? {
        let tokens = sentence.tokens
        let outside = { (range: Range<Int>) in !(statement?.overlaps(range) ?? false) }
        let today = publicationDay(in: zone)
        var days: (first: Day, last: Day)?
        var words: [Range<Int>] = []
        var precision = TimePrecision.day

        if let (dates, range) = statedDates(tokens, publication: today, where: outside) {
            days = dates
            words.append(range)
        } else if let (day, range) = weekday(tokens, publication: today, where: outside) {
            days = (day, day)
            words.append(range)
        } else if let match = lexicon.relativeDays.matches(in: tokens).first(where: { outside($0.range) }),
            let offset = lexicon.relativeDayOffsets[match.label]
        {
            let day = Day(today.number + offset)
            days = (day, day)
            words.append(match.range)
        }
        var isNight = false
        if let night = lexicon.night.matches(in: tokens).first {
            isNight = true
            // A night spans an evening and the next morning: the night after the day named when the night word
            // follows it ("Tuesday night") or reads "night of March 18"; the night before it otherwise ("overnight
            // into Tuesday"); the night before publication when no day is named.
            var morning = today
            if let named = days, let dayWords = words.first {
                if named.first != named.last {
                    morning = named.last
                } else {
                    let after = night.range.lowerBound >= dayWords.upperBound || isNightOf(tokens, before: night.range)
                    morning = after ? Day(named.last.number + 1) : named.last
                }
            }
            days = (Day(morning.number - 1), morning)
            words.append(night.range)
            precision = .hour
        } else if days == nil, let (count, unit, range) = pastPeriod(tokens) {
            // "in the past three days", "over the last two weeks": those days up to publication.
            days = (Day(today.number - count * unit), today)
            words.append(range)
            precision = unit == 7 ? .week : .day
        } else if days == nil, let match = lexicon.pastDay.matches(in: tokens).first {
            days = (Day(today.number - 1), today)
            words.append(match.range)
        } else if days == nil, let match = lexicon.lastWeek.matches(in: tokens).first {
            // The seven days before the publication's week began (weeks start on Monday).
            let monday = Day(today.number - ((today.weekday + 5) % 7))
            days = (Day(monday.number - 7), Day(monday.number - 1))
            words.append(match.range)
            precision = .week
        }
        guard let (first, last) = days, first <= last else { return nil }
        var start = first.stated.instant(in: zone)
        var end = Day(last.number + 1).stated.instant(in: zone)
        if isNight, last.number == first.number + 1 {
            // A night: from the evening (18:00) to the morning (09:00), local time.
            start = StatedTime(year: first.stated.year, month: first.stated.month, day: first.stated.day, clock: .init(hour: 18, minute: 0))
                .instant(in: zone)
            end = StatedTime(year: last.stated.year, month: last.stated.month, day: last.stated.day, clock: .init(hour: 9, minute: 0))
                .instant(in: zone)
        }
        let covered = words.reduce(words[0]) { min($0.lowerBound, $1.lowerBound)..<max($0.upperBound, $1.upperBound) }
        let text = tokens[covered].map(\.text).joined(separator: " ")
        return TimeMention(
            text: text, span: TimeSpan(start: start, end: end), precision: last == first && precision == .day ? .day : precision,
            zone: zone.rawValue, from: first.stated.description, to: last.stated.description)
    }

    /// Whether "night of" comes before a date ("on the night of March 18": the night after that day).
    private func isNightOf(_ tokens: [Token], before range: Range<Int>) -> Bool {
        range.upperBound < tokens.count && tokens[range.upperBound].key == "of"
    }

    /// "past three days", "last 2 weeks": how many, and the unit in days (1 or 7).
    private func pastPeriod(_ tokens: [Token]) -> (Int, Int, Range<Int>)? {
        for index in tokens.indices.dropLast(2)
        where ["past", "last", "previous", "минулі", "останні", "последние", "прошедшие"].contains(tokens[index].key) {
            guard let count = Int(tokens[index + 1].key) ?? lexicon.numbers[tokens[index + 1].key], count > 1, count <= 90 else { continue }
            let unit = tokens[index + 2].key
            if unit.hasPrefix("day") || unit.hasPrefix("дн") || unit.hasPrefix("доб") || unit.hasPrefix("сут") {
                return (count, 1, index..<index + 3)
            }
            if unit.hasPrefix("week") || unit.hasPrefix("тиж") || unit.hasPrefix("нед") { return (count, 7, index..<index + 3) }
        }
        return nil
    }

    /// "March 19", "19 March", "March 18-19", "19 березня", with an optional year; a date without a year is in the
    /// publication's year, or the year before when that would put it more than two days after publication.
    private func statedDates(_ tokens: [Token], publication: Day, where allowed: (Range<Int>) -> Bool) -> ((first: Day, last: Day), Range<Int>)? {
        for index in tokens.indices {
            guard let month = lexicon.months[tokens[index].key] else { continue }
            // "Feb. 17": an abbreviated month's point is its own token.
            let dayIndex = index + 1 < tokens.count && tokens[index + 1].key == "." ? index + 2 : index + 1
            // "May" is also a verb: only a month beside a day number counts.
            var dayRange: (Int, Int)?
            var covered = index..<index + 1
            if dayIndex < tokens.count, let days = Self.dayNumbers(tokens[dayIndex].key) {
                dayRange = days
                covered = index..<dayIndex + 1
            } else if index > 0, let days = Self.dayNumbers(tokens[index - 1].key) {
                dayRange = days
                covered = index - 1..<index + 1
            }
            guard let (firstDay, lastDay) = dayRange, allowed(covered) else { continue }
            var year = Self.year(publication)
            if covered.upperBound < tokens.count, let stated = Int(tokens[covered.upperBound].key), (1990...2100).contains(stated) {
                year = stated
                covered = covered.lowerBound..<covered.upperBound + 1
            } else if covered.upperBound + 1 < tokens.count, tokens[covered.upperBound].key == ",",
                let stated = Int(tokens[covered.upperBound + 1].key), (1990...2100).contains(stated)
            {
                year = stated
                covered = covered.lowerBound..<covered.upperBound + 2
            } else if firstDay <= StatedTime.daysIn(month: month, year: year),
                Day(year: year, month: month, day: firstDay).number > publication.number + 2
            {
                year -= 1
            }
            guard firstDay <= lastDay, lastDay <= StatedTime.daysIn(month: month, year: year) else { continue }
            return ((Day(year: year, month: month, day: firstDay), Day(year: year, month: month, day: lastDay)), covered)
        }
        return nil
    }

    /// A day of the month ("19", "19th") or two ("18-19").
    static func dayNumbers(_ key: String) -> (Int, Int)? {
        let parts = key.split(separator: "-")
        let numbers = parts.compactMap { Int($0.trimmingCharacters(in: CharacterSet.letters)) }
        guard numbers.count == parts.count, (1...2).contains(numbers.count), numbers.allSatisfy({ (1...31).contains($0) }) else { return nil }
        return (numbers[0], numbers.last!)
    }

    /// The latest day named by a weekday ("on Tuesday") on or before publication.
    private func weekday(_ tokens: [Token], publication: Day, where allowed: (Range<Int>) -> Bool) -> (Day, Range<Int>)? {
        for index in tokens.indices {
            let key = tokens[index].key.hasSuffix("'s") ? String(tokens[index].key.dropLast(2)) : tokens[index].key
            guard let weekday = lexicon.weekdays[key], allowed(index..<index + 1) else { continue }
            let back = (publication.weekday - weekday + 7) % 7
            return (Day(publication.number - back), index..<index + 1)
        }
        return nil
    }

    private static func year(_ day: Day) -> Int { CivilDays.date(number: day.number).year }
}
