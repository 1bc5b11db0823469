import Foundation
import TruceCore

/// Who a sentence says is speaking: the claimant of what it reports, never its accused.
extension SentenceReading {
    /// The words that tell when the statement was made, not the act: the speaker, the verb and a few words after it
    /// (up to a "that"), and the few words before the speaker ("On April 6, the ministry reported").
    var statementWindow: Range<Int>? {
        // A clause's speaker inherited from its sentence is not in the clause's words.
        guard let speaker, speaker.verb.lowerBound >= 0 else { return nil }
        var end = min(tokens.count, speaker.verb.upperBound + 3)
        if let that = tokens[speaker.verb.upperBound..<end].firstIndex(where: { ["that", "що", "что", ","].contains($0.key) }) { end = that }
        var start = min(speaker.range.lowerBound, speaker.verb.lowerBound)
        // "On April 6, the ministry reported": a time that opens the sentence before a comma and the speaker.
        if start > 0, start <= 6, tokens[..<start].contains(where: { $0.key == "," }), speaker.range.lowerBound < speaker.verb.lowerBound {
            start = 0
        }
        return start..<max(end, speaker.range.upperBound, speaker.verb.upperBound)
    }

    /// The sentence's speaker: "<speaker> said", "said <speaker>", "according to <speaker>", "<speaker> accused <party>
    /// of", "<speaker> denied".
    static func speaker(in tokens: [Token], lexicon: Lexicon, parties: [PhraseSet.Match]) -> Speaker? {
        func partyIn(_ range: Range<Int>) -> PartyID? {
            parties.first { range.contains($0.range.lowerBound) }.map { PartyID($0.label) }
        }
        func stance(at range: Range<Int>) -> Claim.Stance {
            lexicon.denial.occurs(in: tokens, range: range.lowerBound..<min(tokens.count, range.upperBound + 3)) ? .denial : .assertion
        }
        func object(after range: Range<Int>) -> PartyID? {
            guard lexicon.accusation.occurs(in: tokens, range: range) || lexicon.denial.occurs(in: tokens, range: range) else { return nil }
            return partyIn(range.upperBound..<min(tokens.count, range.upperBound + 3))
        }
        if let according = lexicon.saidBefore.matches(in: tokens).first(where: {
            tokens[$0.range.lowerBound].key != "said" && tokens[$0.range.lowerBound].key != "says"
        }) {
            let range = according.range.upperBound..<clauseEnd(tokens, from: according.range.upperBound)
            if let name = name(tokens, range, lexicon: lexicon) {
                return Speaker(
                    name: name.text, party: partyIn(name.range), range: name.range, stance: stance(at: according.range), object: nil,
                    verb: according.range)
            }
        }
        for verb in lexicon.saidAfter.matches(in: tokens) {
            let start = clauseStart(tokens, before: verb.range.lowerBound)
            if let name = name(tokens, start..<verb.range.lowerBound, lexicon: lexicon) {
                return Speaker(
                    name: name.text, party: partyIn(name.range), range: name.range, stance: stance(at: verb.range),
                    object: object(after: verb.range), verb: verb.range)
            }
            // "Oleksandr Prokudin, head of the regional administration, said": a name and its apposition.
            if start == verb.range.lowerBound, start > 1, tokens[start - 1].key == "," {
                let apposition = clauseStart(tokens, before: start - 1)
                let first = apposition > 1 && tokens[apposition - 1].key == "," ? clauseStart(tokens, before: apposition - 1) : apposition
                // Not a clause that reports the act itself ("Росія обстріляла…, заявив губернатор").
                let chunk = first..<start - 1
                let reportsAct = lexicon.attackVerbs.occurs(in: tokens, range: chunk) || lexicon.actions.occurs(in: tokens, range: chunk)
                if !reportsAct, first < apposition || apposition < start - 1, let name = name(tokens, chunk, lexicon: lexicon) {
                    return Speaker(
                        name: name.text, party: partyIn(name.range), range: name.range, stance: stance(at: verb.range),
                        object: object(after: verb.range), verb: verb.range)
                }
            }
            // "…," said Ukraine's energy minister.
            let range = verb.range.upperBound..<clauseEnd(tokens, from: verb.range.upperBound)
            if start == verb.range.lowerBound, let name = name(tokens, range, lexicon: lexicon) {
                return Speaker(
                    name: name.text, party: partyIn(name.range), range: name.range, stance: stance(at: verb.range), object: nil,
                    verb: verb.range)
            }
        }
        return nil
    }

    /// Where the clause holding `index` begins: after the last comma, quote, colon or dash before it.
    static func clauseStart(_ tokens: [Token], before index: Int) -> Int {
        var start = index
        while start > 0 {
            let key = tokens[start - 1].key
            if [",", ";", ":", "\"", "”", "“", "—", "–", "«", "»"].contains(key) { break }
            start -= 1
        }
        return start
    }

    /// Where the clause from `index` ends: at the next comma, full stop, quote or "that".
    static func clauseEnd(_ tokens: [Token], from index: Int) -> Int {
        var end = index
        while end < tokens.count, ![",", ".", ";", ":", "\"", "”", "“", "that", "—", "–", "on", "in", "who"].contains(tokens[end].key) { end += 1 }
        return end
    }

    /// A speaker's name from `range`: leading articles and conjunctions and a trailing time dropped; at most
    /// sixteen words; `nil` when nothing but such words is left.
    static func name(_ tokens: [Token], _ range: Range<Int>, lexicon: Lexicon) -> (text: String, range: Range<Int>)? {
        var lower = range.lowerBound
        var upper = range.upperBound
        let leading: Set<String> = ["the", "and", "but", "while", "as", "also", "he", "she", "they", "it", "which", "a", "an", "meanwhile"]
        while lower < upper, leading.contains(tokens[lower].key) || !tokens[lower].isWord { lower += 1 }
        // Trailing words that are not the name: "also", "has", and a time ("on Wednesday", "late Monday").
        let trailing: Set<String> = ["also", "has", "had", "have", "later", "earlier", "then", "on", "late", "early", "today", "yesterday", "again"]
        while upper > lower,
            !tokens[upper - 1].isWord || trailing.contains(tokens[upper - 1].key) || lexicon.weekdays[tokens[upper - 1].key] != nil
                || lexicon.months[tokens[upper - 1].key] != nil || TimeReader.dayNumbers(tokens[upper - 1].key) != nil
        {
            upper -= 1
        }
        guard upper > lower, upper - lower <= 16 else { return nil }
        // A pronoun alone is no name; nor is a clause with a verb of its own ("explosions were reported"), nor words
        // that name no one: a speaker has a capitalised name or is an office ("the regional governor").
        if upper - lower == 1, ["he", "she", "they", "it", "we", "i"].contains(tokens[lower].key) { return nil }
        // A trailing adverb ("initially", "reportedly") is not part of a name.
        while upper > lower + 1, tokens[upper - 1].key.hasSuffix("ly"), !tokens[upper - 1].isCapitalised { upper -= 1 }
        let words = tokens[lower..<upper]
        if words.contains(where: { clauseVerbs.contains($0.key) }) { return nil }
        // A name begins with a capital or an office ("the regional governor" is read from "regional" on).
        guard tokens[lower].isCapitalised || lexicon.offices.occurs(in: tokens, range: lower..<lower + 1) || words.count <= 3 else { return nil }
        guard words.contains(where: \.isCapitalised) || lexicon.offices.occurs(in: tokens, range: lower..<upper) else { return nil }
        let text = tokens[lower..<upper].map(\.text).joined(separator: " ")
            .replacingOccurrences(of: " 's", with: "'s").replacingOccurrences(of: " ’s", with: "’s").replacingOccurrences(of: " ,", with: ",")
        return (text, lower..<upper)
    }

    /// Words that make a would-be name a clause of its own.
    static let clauseVerbs: Set<String> = ["was", "were", "is", "are", "had", "has", "have", "been", "be", "there", "which", "that", "who"]
}
