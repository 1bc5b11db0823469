import Foundation
import Testing
import TruceCore
import TruceTestSupport

@testable import TruceIngest

/// The import reads its commonest shapes (plain URLs, ASCII place names, `21 March 2020`, record ends in long
/// unquoted runs) by shortcuts; each must give exactly what the general reading gives.
@Suite("Reading shortcuts agree with the general reading")
struct ReadingShortcutTests {
    /// A random string of `length` pieces drawn from `alphabet`.
    static func randomText(_ alphabet: [String], length: Int, using generator: inout SeededGenerator) -> String {
        (0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined()
    }

    @Test("a source URL's host is the one URL(string:) gives, plain or not")
    func sourceURLHosts() {
        let crafted = [
            "https://www.bbc.co.uk/news/world-europe-1", "http://a.com", "https://a.com?x=1", "http://a.com#f", "http://a.com/%41b",
            "http://1.2.3.4/x", "http://a..b/", "http://a.com./x", "http://a.com/a#b#c", "https://x.y/path;p=1,2@3:4",
            "http://www.islingtongazette.co.uk:80/news", "https://user@x.org/p", "http://Example.COM/a", "https://x.org/%zz",
            "ftp://x.org/", "https://кі.ua/x", "http://a.com/a b", "https://", "http:/a.com", "httpss://a.com", "http://[::1]/x",
        ]
        var generator = SeededGenerator(seed: 11)
        let pieces = [
            "http://", "https://", "a", "b", "Z", "0", ".", "-", "/", "?", "#", "%", "%2F", "%g", ":", "@", "~", "_", " ", "é", "|", "[", "]", "=",
        ]
        let generated = (0..<3000).map { _ in
            (Bool.random(using: &generator) ? "https://" : "")
                + Self.randomText(pieces, length: Int.random(in: 1...14, using: &generator), using: &generator)
        }
        var plain = 0
        for url in crafted + generated {
            #expect(SourceURLHost.host(of: url) == URL(string: url)?.host, "\(url)")
            if let host = SourceURLHost.plainHost(of: url) {
                plain += 1
                #expect(host == URL(string: url)?.host, "\(url)")
            }
        }
        #expect(SourceURLHost.plainHost(of: "https://www.bbc.co.uk/news/world-europe-1") == "www.bbc.co.uk")
        #expect(plain > 40)  // the shortcut is taken, not only the general reading
    }

    @Test("GDELT place names split on bytes as components(separatedBy:) splits them")
    func placeNames() {
        var generator = SeededGenerator(seed: 12)
        let pieces = ["Kyiv", "a", " ", "\t", ",", ", ", "é", "Київ", "e\u{301}", ",\u{301}", "  "]
        let crafted = ["", ",", " , ", "Kharkiv, Kharkivs'ka Oblast', Ukraine", "Paris,,  Ile-de-France ", "Київ, Україна", ",\u{301}a,b"]
        for text in crafted + (0..<3000).map({ _ in Self.randomText(pieces, length: Int.random(in: 0...10, using: &generator), using: &generator) }) {
            let expected = text.components(separatedBy: ",").map(\.trimmingSpaces).filter { !$0.isEmpty }
            #expect(GDELTRow.placeNames(text) == expected, "\(text.debugDescription)")
        }
    }

    @Test("ACLED dates written as 21 March 2020 read as the day they name, and nothing else reads as a day")
    func writtenDates() {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        var generator = SeededGenerator(seed: 13)
        for _ in 0..<5000 {
            let day = Int.random(in: 0...32, using: &generator)
            let month = Int.random(in: 1...12, using: &generator)
            let year = Int.random(in: 0...2100, using: &generator)
            var name = months[month - 1]
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: name = String(name.prefix(3))
            case 1: name = name.uppercased()
            case 2: name = name.lowercased()
            default: break
            }
            let dayText = Bool.random(using: &generator) && day < 10 ? "0\(day)" : "\(day)"
            let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
            let valid = year >= 1 && day >= 1 && day <= StatedTime.daysIn(month: month, year: year)
            let expected = valid ? StatedTime(year: year, month: month, day: day) : nil
            #expect(ACLEDRow.parseDate("\(dayText) \(name) \(yearText)") == expected, "\(dayText) \(name) \(yearText)")
            #expect(ACLEDRow.parseDate("\(dayText)-\(name)-\(yearText)") == expected, "\(dayText)-\(name)-\(yearText)")
        }
        #expect(ACLEDRow.parseDate("21 March 2020") == StatedTime(year: 2020, month: 3, day: 21))
        #expect(ACLEDRow.parseDate("21  March  2020") == StatedTime(year: 2020, month: 3, day: 21))
        #expect(ACLEDRow.parseDate("2020-03-21") == StatedTime(year: 2020, month: 3, day: 21))
        #expect(ACLEDRow.parseDate("21 Marhc 2020") == StatedTime(year: 2020, month: 3, day: 21))  // a month is known by its first three letters
        for text in ["31 February 2020", "21 Ma 2020", "21 March 20200", "211 March 2020", "21 March", "0 March 2020", "21 M4rch 2020"] {
            #expect(ACLEDRow.parseDate(text) == nil, "\(text)")
        }
    }

    @Test("records split eight bytes at a time end where a byte-by-byte reading ends them, in chunks of any size")
    func recordEnds() throws {
        var generator = SeededGenerator(seed: 14)
        let pieces = ["abcdefghij", "klmnopqrstuvwxyz", ",", "\t", "\"", "\"\"", "\n", "\r\n", "\r", "é", "0123456789012345"]
        for round in 0..<300 {
            let dialect: CSVDialect = round % 2 == 0 ? .csv : .tsv
            let bytes = Array(Self.randomText(pieces, length: Int.random(in: 1...60, using: &generator), using: &generator).utf8)
            var whole: [(line: Int, bytes: [UInt8])] = []
            var reader = CSVReader(bytes: bytes, dialect: dialect)
            while let element = reader.next() {
                switch element {
                case .record(let record): whole.append((record.line, Array(record.rawBytes)))
                case .malformed(let bad): whole.append((bad.line, Array(bad.rawBytes)))
                }
            }
            let chunkSize = Int.random(in: 1...40, using: &generator)
            var stream = RecordStream(source: ByteSource(bytes: bytes, file: "random", chunkSize: chunkSize), dialect: dialect)
            var chunked: [(line: Int, bytes: [UInt8])] = []
            while let record = try stream.nextRecordBytes() {
                guard case .bytes(let recordBytes, let line) = record else {
                    Issue.record("no record is oversized here")
                    continue
                }
                chunked.append((line, Array(recordBytes)))
            }
            #expect(chunked.map(\.line) == whole.map(\.line), "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
            #expect(chunked.map(\.bytes) == whole.map(\.bytes), "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
    }

    @Test("a stated time is written as its parts padded to their widths, whatever their sizes")
    func writtenTimes() {
        var generator = SeededGenerator(seed: 15)
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        for _ in 0..<5000 {
            let year = [
                Int.random(in: 0...9999, using: &generator), Int.random(in: -50...(-1), using: &generator),
                Int.random(in: 10000...99999, using: &generator),
            ]
            .randomElement(using: &generator)!
            var time = StatedTime(year: year, month: Int.random(in: 1...12, using: &generator), day: Int.random(in: 1...31, using: &generator))
            var expected = "\(padded(time.year, 4))-\(padded(time.month, 2))-\(padded(time.day, 2))"
            if Bool.random(using: &generator) {
                let clock = StatedTime.Clock(
                    hour: Int.random(in: 0...23, using: &generator), minute: Int.random(in: 0...59, using: &generator),
                    second: Bool.random(using: &generator) ? 0 : Int.random(in: 0...59, using: &generator))
                time.clock = clock
                expected += "T\(padded(clock.hour, 2)):\(padded(clock.minute, 2))" + (clock.second == 0 ? "" : ":\(padded(clock.second, 2))")
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: break
                case 1:
                    time.utcOffset = 0
                    expected += "Z"
                default:
                    let offset = Int.random(in: -14 * 3600...14 * 3600, using: &generator) / 60 * 60
                    time.utcOffset = offset
                    expected +=
                        offset == 0 ? "Z" : (offset < 0 ? "-" : "+") + padded(abs(offset) / 3600, 2) + ":" + padded(abs(offset) % 3600 / 60, 2)
                }
            }
            #expect(time.description == expected)
        }
    }

    @Test("text is folded to lower case eight bytes at a time as it is one character at a time")
    func foldedText() {
        var generator = SeededGenerator(seed: 16)
        let pieces = [
            "A", "Z", "a", "z", "@", "[", "`", "{", "0", " ", "Hospital", "SUBSTATION", "Ѐ", "Џ", "А", "П", "Р", "Я", "я", "Ґ", "ґ", "É", "Ω", "İ",
            "\u{7F}",
        ]
        for _ in 0..<3000 {
            let text = Self.randomText(pieces, length: Int.random(in: 0...30, using: &generator), using: &generator)
            let expected = text.unicodeScalars.map { scalar -> String in
                let folds = (0x41...0x5A).contains(scalar.value) || (0x400...0x42F).contains(scalar.value) || scalar.value == 0x490
                return folds ? String(scalar).lowercased() : String(scalar)
            }.joined()
            #expect(LowercasedText(text).bytes == Array(expected.utf8) + [0x20], "\(text)")
        }
    }

    @Test("an actor's name loses its bracketed period the same way, read by bytes or by characters")
    func bracketedSuffixes() {
        var generator = SeededGenerator(seed: 17)
        let pieces = ["Military Forces of Russia", " ", "(", ")", "2000-", "Ukraine", "é", "e\u{301}", "(\u{301}", "\u{600})", "x"]
        for _ in 0..<3000 {
            let name = Self.randomText(pieces, length: Int.random(in: 0...8, using: &generator), using: &generator)
            var expected: String?
            if name.hasSuffix(")"), let open = name.lastIndex(of: "("), open > name.startIndex, name[name.index(before: open)] == " " {
                expected = String(name[..<name.index(before: open)])
            }
            #expect(ActorTable.nameBeforeBracketedSuffix(name) == expected, "\(name.debugDescription)")
        }
        #expect(ActorTable.nameBeforeBracketedSuffix("Military Forces of Russia (2000-)") == "Military Forces of Russia")
    }

    @Test("GDELT's digit dates read every part from its own digits, and nothing but 8 or 14 digits of a real time reads")
    func digitTimes() {
        var generator = SeededGenerator(seed: 18)
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        for _ in 0..<5000 {
            let (year, month, day) = (
                Int.random(in: 0...9999, using: &generator), Int.random(in: 0...13, using: &generator), Int.random(in: 0...32, using: &generator)
            )
            let (hour, minute, second) = (
                Int.random(in: 0...25, using: &generator), Int.random(in: 0...61, using: &generator), Int.random(in: 0...61, using: &generator)
            )
            let date = padded(year, 4) + padded(month, 2) + padded(day, 2)
            let isDay = (1...12).contains(month) && day >= 1 && day <= StatedTime.daysIn(month: month, year: year)
            #expect(GDELTRow.digitTime(date, hasClock: false) == (isDay ? StatedTime(year: year, month: month, day: day) : nil), "\(date)")
            let instant = date + padded(hour, 2) + padded(minute, 2) + padded(second, 2)
            let isTime = isDay && hour < 24 && minute < 60 && second < 60
            let expected =
                isTime
                ? StatedTime(year: year, month: month, day: day, clock: .init(hour: hour, minute: minute, second: second), utcOffset: 0) : nil
            #expect(GDELTRow.digitTime(instant, hasClock: true) == expected, "\(instant)")
        }
        for text in ["", "2025032", "202503201", "2025-03-20", "20250320 ", "202503200815001"] {
            #expect(GDELTRow.digitTime(text, hasClock: false) == nil && GDELTRow.digitTime(text, hasClock: true) == nil, "\(text)")
        }
    }

    @Test("coordinates and other decimals read by the exact shortcut are the Double that Double(text) gives")
    func decimals() {
        var generator = SeededGenerator(seed: 19)
        let crafted = [
            "48.4647", "-0.0", "0", "+5", ".5", "5.", "-179.999999", "90", "0.000000000000000000000001", "123456789012345",
            "1234567890123456", "0.1234567890123456789", "36.2304", "-33.868820", "00000000000000000000048.5", "9007199254740993",
        ]
        let digits = (0..<10).map(String.init)
        let generated = (0..<20000).map { _ in
            let whole = Self.randomText(digits, length: Int.random(in: 0...4, using: &generator), using: &generator)
            let fraction = Self.randomText(digits, length: Int.random(in: 0...20, using: &generator), using: &generator)
            let sign = ["", "-", "+"].randomElement(using: &generator)!
            return sign + (whole.isEmpty && fraction.isEmpty ? "7" : whole) + (fraction.isEmpty ? "" : "." + fraction)
        }
        for text in crafted + generated {
            let read = ACLEDRow.decimal(text)
            #expect(read?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
        for text in ["", "-", ".", "1e5", "0x1p3", "inf", "nan", "1.2.3", "4-5", " 1"] { #expect(ACLEDRow.decimal(text) == nil, "\(text)") }
    }
}
