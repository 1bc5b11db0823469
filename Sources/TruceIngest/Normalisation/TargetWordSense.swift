/// When a category word found by `TargetKeywords` names something that was struck, and when it does not.
///
/// "Hospital shelled in east Ukraine" and "удар по лікарні" name a target; "two soldiers die in hospital",
/// "school-year truce" and "the port city of Mariupol" do not. The rules look only at the words of the same
/// clause (clauses end at `;`, `!`, `?`, a line break, or a full stop followed by a space), within
/// `window` words of the category word, and only run when a category word has matched, so a row without
/// one costs nothing more.
///
/// A category word counts when:
/// - the word itself is not a longer word with another sense (`hospitalised`, `schoolboy`, `household`);
/// - the word after it does not give it another sense (`school year`, `port city`, `house arrest`);
/// - reading back from it, no word that gives it another sense (`died in hospital`, `taken to hospital`,
///   `White House`) nor a word of nearness (`near the bridge`, `біля школи`, `возле больницы`) comes
///   before the nearest hostile-act word;
/// - and, in a report (a headline, ACLED's notes), a hostile-act word (`strike`, `shelled`, `hit`,
///   `удар`, `обстріл`, `обстрел`, …) stands within the window before or after it. A place description
///   (UCDP's `where_description`) says where the act happened, so there the hostile-act word is not needed.
enum TargetWordSense {
    /// What kind of text the category word was found in.
    enum Reading: Sendable {
        /// A headline or a note: the text must say something was done to the target.
        case report
        /// The description of the place where the act happened.
        case place
    }

    /// How many words either side of a category word are read.
    static let window = 8

    /// Stems of words that say something hostile was done: strikes, shelling, hits, damage, fire.
    static let hostile = stems([
        "strike", "struck", "hit", "shell", "attack", "bomb", "missile", "rocket", "drone", "uav", "mortar",
        "artiller", "damag", "destroy", "destruct", "target", "explo", "blast", "raid", "fire", "firing",
        "ablaze", "burn", "blaze", "storm", "shoot", "shot", "sabot", "blew", "blown", "grenade", "impact",
        "удар", "обстр", "атак", "влуч", "поціл", "пошкод", "зруйн", "руйн", "знищ", "вибух", "ракет", "дрон",
        "бпла", "безпілот", "снаряд", "міномет", "артилер", "бомб", "пожеж", "підпал", "горит", "загор",
        "приліт", "прильот", "ураж", "вогон", "вогнем", "штурм", "підрив",
        "попад", "поврежд", "разруш", "уничтож", "взрыв", "беспилот", "миномет", "артиллер", "пожар", "поджог",
        "прилет", "пораж", "огонь", "огнем", "огня", "подрыв", "диверс",
    ])

    /// Stems of words that, just before a category word, say it is a landmark, not what was struck.
    static let nearness = stems([
        "near", "nearby", "close", "outside", "vicinity", "біля", "поблизу", "неподалік", "поруч", "коло",
        "возле", "около", "вблизи", "недалеко", "рядом", "близ",
    ])

    /// Per subtype, the words that give a category word another sense.
    struct Senses {
        /// Longer words that start with the stem but mean something else (`hospitalised`).
        var longerWords: [[UInt8]] = []
        /// The word right after it (`school year`, `port city`).
        var nextWords: [[UInt8]] = []
        /// Words before it, reading back to the nearest hostile-act word (`died in hospital`).
        var earlierWords: [[UInt8]] = []
        /// Words after it, within the window (`у лікарні помер`).
        var laterWords: [[UInt8]] = []
    }

    /// The other senses of category words, by subtype.
    static let senses: [String: Senses] = [
        "hospital": Senses(
            longerWords: stems(["hospitalis", "hospitaliz"]),
            earlierWords: stems([
                "die", "died", "dies", "dying", "death", "taken", "admitted", "transport", "evacuat", "deliver",
                "rushed", "treat", "succumb", "discharg", "remain", "brought", "sent",
                "помер", "помира", "доставл", "доставил", "госпіталіз", "шпиталіз", "перебува", "лікуют", "лікуєт",
                "відвез", "привез", "поступ", "умер", "скончал", "госпитализ", "находит", "лечат", "лечит", "отвез",
            ]),
            laterWords: stems(["помер", "помира", "умер", "скончал"])
        ),
        "school": Senses(
            longerWords: stems(["schoolboy", "schoolgirl", "schoolchild", "schoolkid", "schoolteach", "школяр", "школьник", "школьниц"]),
            nextWords: stems(["year", "term", "holiday", "рік", "року", "год", "канікул"]),
            earlierWords: stems(["back"])
        ),
        "port": Senses(nextWords: stems(["city", "town", "місто", "міста", "місті", "город"])),
        "residential": Senses(
            longerWords: stems(["household", "housewi"]),
            nextWords: stems(["arrest"]),
            earlierWords: stems(["white", "opera", "guest"])
        ),
        "bridge": Senses(longerWords: stems(["bridgehead"])),
        "rail": Senses(nextWords: stems(["district", "район"])),
    ]

    /// Whether the category word starting at `start` in `buffer` (lower-case UTF-8) names what was struck.
    static func counts(
        subtype: String?, wordAt start: Int, in buffer: UnsafeBufferPointer<UInt8>, reading: Reading
    ) -> Bool {
        let senses = subtype.flatMap { self.senses[$0] } ?? Senses()
        let wordEnd = endOfWord(from: start, in: buffer)
        if senses.longerWords.contains(where: { startsWith($0, buffer, from: start, to: wordEnd) }) { return false }

        var hostileFound = false
        var cursor = start
        for _ in 0..<window {
            guard let word = previousWord(before: cursor, in: buffer) else { break }
            cursor = word.lowerBound
            if hasStem(hostile, buffer, word) {
                hostileFound = true
                break
            }
            if hasStem(nearness, buffer, word) || hasStem(senses.earlierWords, buffer, word) { return false }
        }

        cursor = wordEnd
        for index in 0..<window {
            guard let word = nextWord(after: cursor, in: buffer) else { break }
            cursor = word.upperBound
            if index == 0, hasStem(senses.nextWords, buffer, word) { return false }
            if hasStem(senses.laterWords, buffer, word) { return false }
            if !hostileFound, hasStem(hostile, buffer, word) { hostileFound = true }
        }
        return hostileFound || reading == .place
    }

    // MARK: Words of one clause

    private static func stems(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) } }

    /// Letters, digits and the bytes of any multi-byte character belong to a word.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
    }

    /// `;`, `!`, `?`, `|` and line breaks end a clause; so does `.` when a space follows it.
    private static func endsClause(_ position: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        switch buffer[position] {
        case 0x3B, 0x21, 0x3F, 0x7C, 0x0A, 0x0D: return true
        case 0x2E: return position + 1 < buffer.count && buffer[position + 1] == 0x20
        default: return false
        }
    }

    private static func endOfWord(from position: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var end = position
        while end < buffer.count, isWordByte(buffer[end]) { end += 1 }
        return end
    }

    /// The word before `position` in the same clause.
    private static func previousWord(before position: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var end = position
        while end > 0, !isWordByte(buffer[end - 1]) {
            if endsClause(end - 1, in: buffer) { return nil }
            end -= 1
        }
        guard end > 0 else { return nil }
        var start = end
        while start > 0, isWordByte(buffer[start - 1]) { start -= 1 }
        return start..<end
    }

    /// The word after `position` in the same clause.
    private static func nextWord(after position: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var start = position
        while start < buffer.count, !isWordByte(buffer[start]) {
            if endsClause(start, in: buffer) { return nil }
            start += 1
        }
        guard start < buffer.count else { return nil }
        return start..<endOfWord(from: start, in: buffer)
    }

    private static func hasStem(_ stems: [[UInt8]], _ buffer: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        stems.contains { startsWith($0, buffer, from: word.lowerBound, to: word.upperBound) }
    }

    private static func startsWith(_ stem: [UInt8], _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        guard end - start >= stem.count else { return false }
        for offset in 0..<stem.count where buffer[start + offset] != stem[offset] { return false }
        return true
    }
}
